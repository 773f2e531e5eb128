namespace Deployments.Deployer.Pulumi.Digest;

/// <summary>
/// One step of a preview: the op on the resource named by <see cref="Urn"/>, its state before and after (when the op
/// has them), the top-level properties that differ (<see cref="DiffReasons"/>) or force a replacement
/// (<see cref="ReplaceReasons"/>), and the provider's per-path diff when it gave one (<see cref="DetailedDiff"/>, else null).
/// </summary>
public sealed record ResourceStep(
    string Op,
    ResourceUrn Urn,
    string? Provider,
    ResourceState? Old,
    ResourceState? New,
    IReadOnlyList<string> DiffReasons,
    IReadOnlyList<string> ReplaceReasons,
    IReadOnlyDictionary<string, PropertyDiff>? DetailedDiff)
{
    /// <summary>The resource's protect flag, before or after: a protected resource cannot be deleted or replaced without unprotecting it.</summary>
    public bool Protected => Old?.Protect == true || New?.Protect == true;

    /// <summary>
    /// The property paths that change, sorted: the detailed diff's paths when the provider gave them, else the diff
    /// reasons, plus any replace reason neither names.
    /// </summary>
    public IReadOnlyList<string> ChangedProperties =>
        (DetailedDiff is { Count: > 0 } ? DetailedDiff.Keys : DiffReasons)
            .Concat(ReplaceReasons)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
