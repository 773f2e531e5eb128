namespace Deployments.Deployer.Errors;

/// <summary>A deployment step failed (Pulumi update, destroy, rollout, verification).</summary>
public sealed class DeploymentFailedException(string message, Exception? inner = null) : DeployerException(message, inner)
{
    public override int ExitCode => ExitCodes.DeploymentFailed;
}
