namespace Deployments.Deployer.Errors;

/// <summary>The run was interrupted and stopped in an orderly way.</summary>
public sealed class CancelledException(string message) : DeployerException(message)
{
    public override int ExitCode => ExitCodes.Cancelled;
}
