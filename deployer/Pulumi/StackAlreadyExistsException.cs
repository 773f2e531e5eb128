namespace Deployments.Deployer.Pulumi;

/// <summary><c>stack '…' already exists</c>.</summary>
public sealed class StackAlreadyExistsException(string stack, CommandResult result)
    : PulumiException($"stack '{stack}' already exists", result);
