namespace Deployments.Deployer.Pulumi;

/// <summary>
/// The one seam to the <c>pulumi</c> executable (Pulumi.Automation's <c>PulumiCommand</c> can stand behind it
/// where that package exists). Returns whatever the process did; classification is the caller's.
/// </summary>
public interface IPulumiCli
{
    Task<CommandResult> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);

    /// <summary>The same, with variables added for this call only (a null value removes one).</summary>
    Task<CommandResult> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken);
}
