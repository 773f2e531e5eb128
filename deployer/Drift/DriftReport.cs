namespace Deployments.Deployer.Drift;

/// <summary>
/// What a refresh preview found in one stack: resources changed outside Pulumi (with the properties that differ) and
/// resources deleted outside it, each sorted by name; <see cref="Unchanged"/> counts the rest.
/// </summary>
public sealed record DriftReport(string Stack, IReadOnlyList<DriftedResource> Changed, IReadOnlyList<DriftedResource> Deleted, int Unchanged)
{
    public bool HasDrift => Changed.Count > 0 || Deleted.Count > 0;
}
