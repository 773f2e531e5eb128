using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Pulumi;

/// <summary>A failed <c>pulumi</c> invocation, classified by <see cref="PulumiErrorClassifier"/>.</summary>
public class PulumiException(string message, CommandResult result) : DeployerException(message)
{
    public CommandResult Result { get; } = result;

    public override int ExitCode => ExitCodes.DeploymentFailed;
}
