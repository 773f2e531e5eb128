namespace Deployments.Deployer.Pulumi.Models;

/// <summary>
/// Wire shape of one step of a preview digest (<c>display.PreviewStep</c>). With <c>--json</c> a replacement is one logical
/// <c>replace</c> step (its <c>create-replacement</c>/<c>delete-replaced</c> halves appear only with
/// <c>--show-replacement-steps</c>), and <c>same</c> steps only with <c>--show-sames</c>, except the root stack's and
/// one whose <c>protect</c> changed (<c>shouldShow</c>, https://github.com/pulumi/pulumi/blob/master/pkg/backend/display/display.go).
/// </summary>
internal sealed class PreviewStepModel
{
    public string Op { get; set; } = "";
    public string Urn { get; set; } = "";
    public string? Provider { get; set; }
    public ResourceStateModel? OldState { get; set; }
    public ResourceStateModel? NewState { get; set; }
    /// <summary>Top-level properties that differ (the engine's <c>Diffs</c>).</summary>
    public List<string>? DiffReasons { get; set; }
    /// <summary>Properties that force the replacement (the engine's <c>Keys</c>).</summary>
    public List<string>? ReplaceReasons { get; set; }
    /// <summary>Property path (<c>tags.env</c>, <c>ingress[0].cidrBlocks</c>) → its change.</summary>
    public Dictionary<string, PropertyDiffModel>? DetailedDiff { get; set; }
}
