using System.Text.Json;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Previews;

/// <summary>
/// What a preview stack really runs, from its outputs in the backend (the last successful update): the service's
/// image, its rule priority, its task count. Not <c>config --json</c>, which reads only the local
/// <c>Pulumi.&lt;stack&gt;.yaml</c> — empty on a fresh CI runner, where it would make an image look unchanged or new.
/// Every field is null for a stack never deployed (or deployed by a version without these outputs).
/// </summary>
public sealed record RunningPreview(string? ImageTag, int? RulePriority, int? DesiredCount)
{
    public static readonly RunningPreview None = new(null, null, null);

    /// <summary>The service was never started: never deployed, or held at 0 tasks until its first migration succeeds.</summary>
    public bool NotServing => ImageTag is null || DesiredCount == 0;

    public static RunningPreview From(IReadOnlyDictionary<string, JsonElement> outputs) => new(
        outputs.TryGetValue(OutputNames.ImageTag, out var tag) && tag.ValueKind == JsonValueKind.String ? tag.GetString() : null,
        Int(outputs, OutputNames.RulePriority),
        Int(outputs, OutputNames.DesiredCount));

    private static int? Int(IReadOnlyDictionary<string, JsonElement> outputs, string key) =>
        outputs.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
}
