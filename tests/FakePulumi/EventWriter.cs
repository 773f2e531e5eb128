using System.Text.Json.Nodes;

namespace FakePulumi;

/// <summary>Writes the engine event log: one compact JSON object per line, sequence from 0, ending with cancelEvent (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/apitype/events.go).</summary>
public sealed class EventWriter(string? path, string stack, string project) : IDisposable
{
    private readonly StreamWriter? _writer = path is null ? null : new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    private int _sequence;

    public string Urn(string type, string name) => $"urn:pulumi:{stack}::{project}::{type}::{name}";

    public void Write(string kind, JsonObject body)
    {
        if (_writer is null) return;
        var line = new JsonObject { ["sequence"] = _sequence++, ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), [kind] = body };
        _writer.WriteLine(line.ToJsonString(Json.Compact));
    }

    public void Step(string kind, string op, string type, string name) => Write(kind, new JsonObject
    {
        ["metadata"] = new JsonObject { ["op"] = op, ["urn"] = Urn(type, name), ["type"] = type, ["old"] = null, ["new"] = null, ["detailedDiff"] = null, ["provider"] = "" },
    });

    public void Diagnostic(string severity, string message, string? urn) => Write("diagnosticEvent", new JsonObject
    {
        ["urn"] = urn, ["message"] = message + "\n", ["color"] = "never", ["severity"] = severity,
    });

    public void Dispose() => _writer?.Dispose();
}
