namespace Deployments.Deployer.Pulumi;

/// <summary>One entry of a stack's history: what ran, how it ended, and the config it ran with (secrets left out).</summary>
public sealed record UpdateRecord(
    int Version,
    string Kind,
    string Result,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    string Message,
    IReadOnlyDictionary<string, string?> Config,
    IReadOnlyDictionary<string, int> ResourceChanges)
{
    public bool Succeeded => Result == "succeeded";
}
