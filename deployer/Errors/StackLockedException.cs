namespace Deployments.Deployer.Errors;

/// <summary>The stack stayed locked by another update for longer than the deployer was allowed to wait.</summary>
public sealed class StackLockedException(string message) : DeployerException(message)
{
    public override int ExitCode => ExitCodes.Locked;
}
