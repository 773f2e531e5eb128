namespace Deployments.Deployer.Pulumi;

/// <summary><c>no stack named '…' found</c>.</summary>
public sealed class StackNotFoundException(string stack, CommandResult result)
    : PulumiException($"stack '{stack}' does not exist in this backend", result)
{
    public string Stack { get; } = stack;

    /// <summary>Naming a stack that is not there is the operator's error, not a failed deployment.</summary>
    public override int ExitCode => ExitCodes.UserError;
}
