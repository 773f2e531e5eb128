namespace Deployments.Deployer.Pulumi.Events;

/// <summary>How an update or destroy went, from its event log.</summary>
public sealed record UpdateSummary(string Result, IReadOnlyDictionary<string, int> ResourceChanges, TimeSpan Duration, IReadOnlyList<string> Errors)
{
    public string Describe() => ResourceChanges.Count == 0
        ? "no resources"
        : string.Join(", ", ResourceChanges.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"));
}
