namespace Deployments.Deployer.Pulumi.Digest;

/// <summary>
/// What a preview would do to a stack, as <c>pulumi preview --json</c> (or <c>refresh --preview-only --json</c>)
/// reports it: the steps, the counts per op, the diagnostics and how long it took. Read by <see cref="PreviewDigestReader"/>.
/// </summary>
public sealed record PreviewDigest(
    IReadOnlyList<ResourceStep> Steps,
    IReadOnlyDictionary<string, int> ChangeSummary,
    IReadOnlyList<PreviewDiagnostic> Diagnostics,
    TimeSpan Duration,
    bool MaybeCorrupt)
{
    /// <summary>The steps that change something: every op but <c>same</c> (and <c>read</c>, which only reads).</summary>
    public IEnumerable<ResourceStep> Changes => Steps.Where(s => s.Op is not (StepOps.Same or StepOps.Read));

    /// <summary>The diagnostics of severity <c>error</c>, in order.</summary>
    public IEnumerable<PreviewDiagnostic> Errors => Diagnostics.Where(d => d.Severity == "error");
}
