using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakePulumi;

/// <summary>
/// <c>refresh --preview-only --json</c>: reads every resource "from the cloud" and prints the preview digest the real CLI
/// prints for it (https://github.com/pulumi/pulumi/blob/master/pkg/backend/display/json.go, <c>ShowPreviewDigest</c>):
/// one document, 4-space indent; a step per resource, first the <c>refresh</c> step of its pre-event, which the
/// outputs event replaces by <c>update</c> (with a detailed diff) when the resource changed outside Pulumi or
/// <c>delete</c> when it is gone (<c>RefreshStep.ResultOp</c>, https://github.com/pulumi/pulumi/blob/master/pkg/resource/deploy/step.go).
/// A deleted resource's <c>newState</c> is its old state (the step starts with new = old and a read that finds nothing
/// only marks it deleted). Secret values print as <c>[secret]</c>. Nothing is saved and no lock is taken (a preview-only
/// refresh goes straight to the engine, https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/backend.go).
/// What the cloud "has" comes from FAKE_PULUMI_DRIFT, a JSON file: <c>{"changed": {NAME: {PROPERTY: VALUE|null|{"fake:secret": VALUE}}}, "deleted": [NAME]}</c>
/// (null: the property was removed; <c>fake:secret</c>: a value Pulumi holds as a secret). Without it, nothing drifted.
/// </summary>
public static class Refresh
{
    private static readonly JsonSerializerOptions Digest = new() { WriteIndented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const string SecretMark = "fake:secret";

    public static int Run(Backend backend, string directory, string project, string stack, CliArgs cli)
    {
        if (!cli.Has("--preview-only")) throw new FakeError("this fake only previews refreshes: pass --preview-only", 2);
        var started = DateTimeOffset.UtcNow;
        var state = backend.Load(stack);
        var drift = Environment.GetEnvironmentVariable("FAKE_PULUMI_DRIFT") is { Length: > 0 } path ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : [];
        var changed = drift["changed"] as JsonObject ?? [];
        var deleted = (drift["deleted"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        string Urn(string type, string name) => $"urn:pulumi:{stack}::{project}::{type}::{name}";
        var rootUrn = Urn("pulumi:pulumi:Stack", $"{project}-{stack}");
        var root = new JsonObject { ["urn"] = rootUrn, ["custom"] = false, ["type"] = "pulumi:pulumi:Stack", ["outputs"] = Blind(state["outputs"] ?? new JsonObject()) };
        var steps = new JsonArray(new JsonObject { ["op"] = "refresh", ["urn"] = rootUrn, ["oldState"] = root.DeepClone(), ["newState"] = root, ["detailedDiff"] = null });
        var summary = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["same"] = 1 };
        foreach (var (name, resource) in state["resources"] as JsonObject ?? [])
        {
            var type = resource!["type"]!.GetValue<string>();
            var inputs = resource["properties"] as JsonObject ?? [];
            var old = ResourceState(Urn(type, name), type, name, inputs, rootUrn);
            if (deleted.Contains(name))
            {
                steps.Add((JsonNode)new JsonObject { ["op"] = "delete", ["urn"] = Urn(type, name), ["provider"] = Provider(type), ["oldState"] = old.DeepClone(), ["newState"] = old, ["detailedDiff"] = null });
                summary["delete"] = summary.GetValueOrDefault("delete") + 1;
            }
            else if (changed[name] is JsonObject changes)
            {
                var now = (JsonObject)inputs.DeepClone();
                var diff = new JsonObject();
                foreach (var (property, value) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    // Kinds as the inverted refresh diff reads: from the old state to what the cloud has.
                    diff[property] = new JsonObject { ["kind"] = value is null ? "delete" : inputs.ContainsKey(property) ? "update" : "add", ["inputDiff"] = false };
                    if (value is null) now.Remove(property);
                    else now[property] = value.DeepClone();
                }
                steps.Add((JsonNode)new JsonObject
                {
                    ["op"] = "update", ["urn"] = Urn(type, name), ["provider"] = Provider(type),
                    ["oldState"] = old, ["newState"] = ResourceState(Urn(type, name), type, name, now, rootUrn),
                    ["diffReasons"] = new JsonArray(changes.Select(c => (JsonNode)c.Key).ToArray()), ["detailedDiff"] = diff,
                });
                summary["update"] = summary.GetValueOrDefault("update") + 1;
            }
            else
            {
                steps.Add((JsonNode)new JsonObject { ["op"] = "refresh", ["urn"] = Urn(type, name), ["provider"] = Provider(type), ["oldState"] = old.DeepClone(), ["newState"] = old, ["detailedDiff"] = null });
                summary["same"] = summary.GetValueOrDefault("same") + 1;
            }
        }
        var config = StackConfigFile.Read(directory, stack);
        var secrets = StackConfigFile.SecretKeys(directory, stack);
        var digest = new JsonObject
        {
            ["config"] = new JsonObject(config.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)(secrets.Contains(c.Key) ? "[secret]" : c.Value)))),
            ["steps"] = steps,
            ["duration"] = (DateTimeOffset.UtcNow - started).Ticks * 100,
            ["changeSummary"] = new JsonObject(summary.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
        };
        if (cli.Has("--json")) Console.WriteLine(digest.ToJsonString(Digest));
        else Console.WriteLine($"Previewing refresh ({stack}):\nResources:\n    ~ {summary.GetValueOrDefault("update")} to update\n    - {summary.GetValueOrDefault("delete")} to delete\n    {summary["same"]} unchanged");
        return 0;
    }

    private static string Provider(string type) => $"urn:pulumi:fake::fake::pulumi:providers:{type.Split(':')[0]}::default::fake-provider-id";

    private static JsonObject ResourceState(string urn, string type, string name, JsonObject inputs, string parent) => new()
    {
        ["urn"] = urn, ["custom"] = true, ["id"] = $"fake-{name}", ["type"] = type,
        ["inputs"] = Blind(inputs), ["outputs"] = Blind(inputs), ["parent"] = parent, ["provider"] = Provider(type),
    };

    /// <summary>A secret value as the digest shows it (<c>MassageSecrets</c> with showSecrets false): the string <c>[secret]</c>.</summary>
    private static JsonNode Blind(JsonNode node) => node switch
    {
        JsonObject o when o.ContainsKey(SecretMark) => JsonValue.Create("[secret]"),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : (JsonNode?)Blind(p.Value)))),
        JsonArray a => new JsonArray(a.Select(i => i is null ? null : Blind(i)).ToArray()),
        _ => node.DeepClone(),
    };
}
