namespace Deployments.Deployer.Errors;

/// <summary>
/// An expected failure: the message is for the operator (what failed, which input, what to do) and the exit
/// code says which kind it was. Only <c>Program</c> turns these into output and exit codes.
/// </summary>
public abstract class DeployerException(string message, Exception? inner = null) : Exception(message, inner)
{
    public abstract int ExitCode { get; }
}
