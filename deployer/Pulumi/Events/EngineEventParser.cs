using System.Text.Json;

namespace Deployments.Deployer.Pulumi.Events;

/// <summary>
/// Parses one line of the engine event log: <c>{"sequence", "timestamp", &lt;exactly one event kind&gt;}</c>
/// (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/apitype/events.go). Kinds the deployer does not use, and lines it cannot read, yield null: a newer CLI adding
/// events must not break a deploy.
/// </summary>
public static class EngineEventParser
{
    public static EngineEvent? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.TryGetProperty("cancelEvent", out _)) return new EndOfStreamEvent();
            if (root.TryGetProperty("summaryEvent", out var summary)) return Summary(summary);
            if (root.TryGetProperty("diagnosticEvent", out var diagnostic))
                return new DiagnosticEvent(Text(diagnostic, "severity") ?? "info", (Text(diagnostic, "message") ?? "").TrimEnd(), NameOf(Text(diagnostic, "urn")));
            foreach (var (kind, phase) in new[] { ("resourcePreEvent", "started"), ("resOutputsEvent", "done"), ("resOpFailedEvent", "failed") })
            {
                if (!root.TryGetProperty(kind, out var step) || !step.TryGetProperty("metadata", out var metadata)) continue;
                if (step.TryGetProperty("planning", out var planning) && planning.ValueKind == JsonValueKind.True) return null;
                return new ResourceStepEvent(phase, Text(metadata, "op") ?? "", Text(metadata, "type") ?? "", NameOf(Text(metadata, "urn")) ?? "");
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SummaryEvent Summary(JsonElement e)
    {
        var changes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (e.TryGetProperty("resourceChanges", out var c) && c.ValueKind == JsonValueKind.Object)
            foreach (var p in c.EnumerateObject()) if (p.Value.TryGetInt32(out var n)) changes[p.Name] = n;
        var duration = e.TryGetProperty("durationSeconds", out var d) && d.TryGetInt32(out var s) ? s : 0;
        return new SummaryEvent(changes, duration, Text(e, "result"));
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The resource name is the URN's last <c>::</c> part (<c>urn:pulumi:stack::project::type::name</c>).</summary>
    private static string? NameOf(string? urn) => urn is null ? null : urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
}
