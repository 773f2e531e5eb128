namespace Deployments.Deployer.Pulumi;

/// <summary>
/// Another update holds the stack: a file-backend lock (<c>the stack is currently locked by</c>, with one line per
/// lock naming its holder) or Pulumi Cloud's <c>[409] Conflict</c>.
/// </summary>
public sealed class ConcurrentUpdateException(string stack, IReadOnlyList<LockHolder> holders, CommandResult result)
    : PulumiException(Describe(stack, holders), result)
{
    public IReadOnlyList<LockHolder> Holders { get; } = holders;

    public override int ExitCode => ExitCodes.Locked;

    private static string Describe(string stack, IReadOnlyList<LockHolder> holders) => holders.Count == 0
        ? $"stack '{stack}' is being updated by someone else"
        : $"stack '{stack}' is locked by {string.Join("; ", holders)}";
}
