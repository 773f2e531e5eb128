using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Verification;

/// <summary>The deployment did not prove itself (rollout or health).</summary>
public sealed class VerificationFailedException(string stack, VerificationResult result)
    : DeployerException($"verification of '{stack}' failed: {result.Describe()}")
{
    public override int ExitCode => ExitCodes.DeploymentFailed;
}
