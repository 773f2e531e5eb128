namespace Deployments.Deployer.Pulumi.Models;

/// <summary>
/// Wire shape of one entry of a step's <c>detailedDiff</c> (<c>display.PropertyDiff</c>): <c>kind</c> is
/// <c>plugin.DiffKind.String()</c> — <c>add</c>, <c>add-replace</c>, <c>delete</c>, <c>delete-replace</c>, <c>update</c>,
/// <c>update-replace</c> (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/resource/plugin/provider.go);
/// <c>inputDiff</c> is true when old and new <em>inputs</em> were compared rather than old state and new inputs.
/// </summary>
internal sealed class PropertyDiffModel
{
    public string Kind { get; set; } = "";
    public bool InputDiff { get; set; }
}
