namespace Deployments.Deployer.Pulumi.Models;

/// <summary>
/// Wire shape of the one document <c>pulumi preview --json</c> and <c>pulumi refresh --preview-only --json</c> print at the
/// end: Go's <c>display.PreviewDigest</c>, written with <c>json.MarshalIndent</c> (4 spaces) by <c>ShowPreviewDigest</c>
/// (https://github.com/pulumi/pulumi/blob/master/pkg/backend/display/json.go,
/// https://github.com/pulumi/pulumi/blob/master/sdk/go/pkg/display/json.go). Every field is <c>omitempty</c> there but
/// <c>detailedDiff</c>, which is <c>null</c> when the provider gave no structured diff.
/// </summary>
internal sealed class PreviewDigestModel
{
    /// <summary>The stack's config, secrets blinded (<c>[secret]</c>).</summary>
    public Dictionary<string, string>? Config { get; set; }
    public List<PreviewStepModel>? Steps { get; set; }
    public List<PreviewDiagnosticModel>? Diagnostics { get; set; }
    /// <summary>A Go <c>time.Duration</c>: integer nanoseconds.</summary>
    public long Duration { get; set; }
    /// <summary>Count per op (<c>create</c>, <c>update</c>, <c>same</c>, …).</summary>
    public Dictionary<string, int>? ChangeSummary { get; set; }
    public bool MaybeCorrupt { get; set; }
}
