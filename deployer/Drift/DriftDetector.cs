using System.Text.Json;
using Deployments.Deployer.Pulumi.Digest;

namespace Deployments.Deployer.Drift;

/// <summary>
/// Reads drift out of a refresh preview's digest, and nothing else. The digest has one step per resource: its
/// <c>refresh</c> step, replaced by <c>update</c> when the read found the resource changed (with the provider's
/// detailed diff, its kinds read from the state towards the cloud) or <c>delete</c> when the read found it gone
/// (<c>ShowPreviewDigest</c>, https://github.com/pulumi/pulumi/blob/master/pkg/backend/display/json.go;
/// <c>RefreshStep.ResultOp</c>, https://github.com/pulumi/pulumi/blob/master/pkg/resource/deploy/step.go). Every
/// other step (<c>refresh</c>, <c>same</c>, the root stack's) is no drift. Pure: no I/O.
/// </summary>
public static class DriftDetector
{
    public static DriftReport Find(PreviewDigest digest, string stack)
    {
        var changed = new List<DriftedResource>();
        var deleted = new List<DriftedResource>();
        var unchanged = 0;
        foreach (var step in digest.Steps)
        {
            if (step.Urn.Type == "pulumi:pulumi:Stack") continue;
            switch (step.Op)
            {
                case StepOps.Update: changed.Add(new DriftedResource(step.Urn.Name, step.Urn.Type, Properties(step))); break;
                case StepOps.Delete: deleted.Add(new DriftedResource(step.Urn.Name, step.Urn.Type, [])); break;
                default: unchanged++; break;
            }
        }
        return new DriftReport(stack, Sorted(changed), Sorted(deleted), unchanged);
    }

    private static List<DriftedResource> Sorted(List<DriftedResource> resources) =>
        resources.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Type, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The detailed diff's paths when the provider gave them, else the diff reasons, else (a legacy diff of outputs
    /// only) the top-level outputs that differ; each with its value on both sides, inputs first where the diff says
    /// it compared inputs.
    /// </summary>
    private static List<PropertyDrift> Properties(ResourceStep step)
    {
        var old = step.Old;
        var now = step.New;
        IEnumerable<(string Path, string? Kind, bool Inputs)> paths =
            step.DetailedDiff is { Count: > 0 } detailed ? detailed.Select(d => (d.Key, (string?)d.Value.Change, d.Value.InputDiff))
            : step.DiffReasons.Count > 0 ? step.DiffReasons.Select(r => (r, (string?)null, false))
            : (old?.Outputs.Keys ?? []).Union(now?.Outputs.Keys ?? [], StringComparer.Ordinal)
                .Where(k => !Same(Find(old?.Outputs, k), Find(now?.Outputs, k))).Select(k => (k, (string?)null, false));
        return paths.Select(p =>
        {
            var before = Value(old, p.Path, p.Inputs);
            var after = Value(now, p.Path, p.Inputs);
            var secret = (before is { } b && DriftValue.HoldsSecret(b)) || (after is { } a && DriftValue.HoldsSecret(a));
            return new PropertyDrift(p.Path, p.Kind ?? (before is null ? "add" : after is null ? "delete" : "update"),
                before is { } x ? secret ? DriftValue.Secret : DriftValue.Show(x) : null,
                after is { } y ? secret ? DriftValue.Secret : DriftValue.Show(y) : null);
        }).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
    }

    private static JsonElement? Value(ResourceState? state, string path, bool inputsFirst) => state is null ? null
        : inputsFirst ? PropertyPath.Find(state.Inputs, path) ?? PropertyPath.Find(state.Outputs, path)
        : PropertyPath.Find(state.Outputs, path) ?? PropertyPath.Find(state.Inputs, path);

    private static JsonElement? Find(IReadOnlyDictionary<string, JsonElement>? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var value) ? value : null;

    private static bool Same(JsonElement? a, JsonElement? b) =>
        a is { } x && b is { } y ? JsonElement.DeepEquals(x, y) : a is null && b is null;
}
