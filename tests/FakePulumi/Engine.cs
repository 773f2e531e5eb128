using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FakePulumi;

/// <summary>
/// <c>up</c> and <c>destroy</c> (and <c>preview</c>, which saves nothing): diff the compiled template against the stack's last state by logical name
/// (create/update/replace/same/delete), write engine events, keep outputs and history. Knobs for tests:
/// FAKE_PULUMI_HISTORY_VERSIONS=1 (history versions as Pulumi Cloud numbers them; else 0, as DIY backends print),
/// FAKE_PULUMI_STEP_MS (time per changed resource), FAKE_PULUMI_FAIL_ON (a logical name whose step fails; with
/// FAKE_PULUMI_FAIL_STACKS, a comma-separated list, only in those stacks).
/// A listener rule whose listener and priority another stack already uses fails with AWS's PriorityInUse; a new one
/// past a load balancer's quotas fails as AWS fails it (<see cref="AlbQuotas"/>).
/// FAKE_PULUMI_OUTPUTS: a JSON object of stack name → outputs that replace the computed ones after each update, e.g.
/// <c>{"staging": {"url": "http://127.0.0.1:PORT"}}</c>, so the deployer's health check and smoke tests reach a local server.
/// </summary>
public sealed partial class Engine(Backend backend, string directory, string project, CancellationToken interrupted)
{
    private static readonly int StepMs = int.TryParse(Environment.GetEnvironmentVariable("FAKE_PULUMI_STEP_MS"), out var ms) ? ms : 0;
    private static readonly string? FailOn = Environment.GetEnvironmentVariable("FAKE_PULUMI_FAIL_ON");
    private static readonly string[]? FailStacks = Environment.GetEnvironmentVariable("FAKE_PULUMI_FAIL_STACKS")?.Split(',');

    [GeneratedRegex(@"\$\{(?<ref>[^}]+)\}")]
    private static partial Regex Reference();

    public int Up(string stack, string? eventLog, string message)
    {
        var state = backend.Load(stack);
        var config = StackConfigFile.Read(directory, stack);
        var template = CompilerHost.Run(directory, stack, backend.Organization, config);
        var stackOutputs = StackReferences(template);
        var desired = (template["resources"] as JsonObject ?? []).ToDictionary(r => r.Key, r => Resolve(r.Value!.DeepClone(), stackOutputs, stack), StringComparer.Ordinal);
        return Apply(stack, state, eventLog, "update", message, desired, ResolveOutputs(template, stackOutputs, stack));
    }

    /// <summary><c>preview</c>: runs the compiler as <c>up</c> does and says what it would change; nothing is saved
    /// (https://www.pulumi.com/docs/iac/cli/commands/pulumi_preview/).</summary>
    public int Preview(string stack, bool json)
    {
        var started = DateTimeOffset.UtcNow;
        var current = backend.Load(stack)["resources"] as JsonObject ?? [];
        var config = StackConfigFile.Read(directory, stack);
        var template = CompilerHost.Run(directory, stack, backend.Organization, config);
        var desired = template["resources"] as JsonObject ?? [];
        if (json)
        {
            // Resolved as `up` resolves them, so an unchanged stack previews as unchanged.
            var stackOutputs = StackReferences(template);
            var resolved = desired.ToDictionary(r => r.Key, r => Resolve(r.Value!.DeepClone(), stackOutputs, stack), StringComparer.Ordinal);
            var (digest, errors) = PreviewDigest.Render(stack, project, config, StackConfigFile.SecretKeys(directory, stack),
                current.ToDictionary(r => r.Key, r => r.Value!, StringComparer.Ordinal), resolved, DateTimeOffset.UtcNow - started);
            Console.WriteLine(digest);
            if (errors.Count > 0) throw new FakeError("preview failed");
            return 0;
        }
        var create = desired.Count(r => !current.ContainsKey(r.Key));
        var delete = current.Count(r => !desired.ContainsKey(r.Key));
        Console.WriteLine($"Previewing update ({stack}):\nResources:\n    + {create} to create\n    - {delete} to delete\n    {desired.Count - create} to keep");
        return 0;
    }

    public int Destroy(string stack, string? eventLog) =>
        Apply(stack, backend.Load(stack), eventLog, "destroy", "", new Dictionary<string, JsonNode>(), new JsonObject());

    private int Apply(string stack, JsonObject state, string? eventLog, string kind, string message, Dictionary<string, JsonNode> desired, JsonObject outputs)
    {
        var started = DateTimeOffset.UtcNow;
        var current = (state["resources"] as JsonObject ?? []).ToDictionary(r => r.Key, r => r.Value!.DeepClone(), StringComparer.Ordinal);
        var changes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using var events = new EventWriter(eventLog, stack, project);
        events.Write("preludeEvent", new JsonObject { ["config"] = new JsonObject() });
        string? failure = null;
        var steps = desired.Select(d => (d.Key, Node: (JsonNode?)d.Value, Op: !current.TryGetValue(d.Key, out var old) ? "create"
                : old!["type"]!.GetValue<string>() != d.Value["type"]!.GetValue<string>() ? "replace"
                : JsonNode.DeepEquals(old, d.Value) ? "same" : "update"))
            .Concat(current.Keys.Where(k => !desired.ContainsKey(k)).Reverse().Select(k => (Key: k, Node: (JsonNode?)null, Op: "delete")))
            .ToList();
        foreach (var (name, node, op) in steps)
        {
            if (interrupted.IsCancellationRequested) { failure = "update canceled"; break; }
            var type = (node ?? current[name])!["type"]!.GetValue<string>();
            if (op == "same") { changes["same"] = changes.GetValueOrDefault("same") + 1; continue; }
            events.Step("resourcePreEvent", op, type, name);
            if (StepMs > 0) Thread.Sleep(StepMs);
            var error = name == FailOn && (FailStacks is null || FailStacks.Contains(stack)) ? $"creating {type} ({name}): operation error: injected failure"
                : type == "aws:lb:ListenerRule" && node is not null ? PriorityConflict(stack, node)
                    ?? (op == "create" ? AlbQuotas.Check(backend, stack, current, name, node) : null) : null;
            if (error is not null)
            {
                events.Write("resOpFailedEvent", new JsonObject { ["metadata"] = new JsonObject { ["op"] = op, ["urn"] = events.Urn(type, name), ["type"] = type }, ["status"] = 1, ["steps"] = 0 });
                events.Diagnostic("error", error, events.Urn(type, name));
                failure = error;
                break;
            }
            if (node is null) current.Remove(name); else current[name] = node;
            events.Step("resOutputsEvent", op, type, name);
            changes[op] = changes.GetValueOrDefault(op) + 1;
        }
        var result = failure is null ? "succeeded" : failure == "update canceled" ? "canceled" : "failed";
        state["resources"] = new JsonObject(current.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value)));
        if (failure is null) state["outputs"] = outputs;
        var history = state["history"] as JsonArray ?? [];
        var secretKeys = StackConfigFile.SecretKeys(directory, stack);
        history.Insert(0, new JsonObject
        {
            // DIY backends never set it (https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/backend.go): 0 in every entry.
            // FAKE_PULUMI_HISTORY_VERSIONS=1 plays Pulumi Cloud, which numbers a stack's updates from 1.
            ["version"] = Environment.GetEnvironmentVariable("FAKE_PULUMI_HISTORY_VERSIONS") == "1" ? history.Count + 1 : 0,
            ["kind"] = kind,
            ["startTime"] = Json.Now(started),
            ["message"] = message,
            ["environment"] = new JsonObject { ["exec.kind"] = "cli" },
            ["config"] = new JsonObject(StackConfigFile.Read(directory, stack).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)(secretKeys.Contains(c.Key)
                ? new JsonObject { ["secret"] = true }
                : new JsonObject { ["value"] = c.Value, ["secret"] = false })))),
            ["result"] = result,
            ["endTime"] = Json.Now(DateTimeOffset.UtcNow),
            ["resourceChanges"] = new JsonObject(changes.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
        });
        state["history"] = history;
        state["lastUpdate"] = Json.Now(DateTimeOffset.UtcNow);
        backend.Save(stack, state);
        events.Write("summaryEvent", new JsonObject
        {
            ["maybeCorrupt"] = false,
            ["durationSeconds"] = (int)(DateTimeOffset.UtcNow - started).TotalSeconds,
            ["resourceChanges"] = new JsonObject(changes.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
            ["PolicyPacks"] = new JsonObject(),
            ["isPreview"] = false,
            ["result"] = result,
        });
        events.Write("cancelEvent", new JsonObject());
        if (failure is not null) throw new FakeError(failure == "update canceled" ? "update canceled" : $"update failed: {failure}");
        return 0;
    }

    private string? PriorityConflict(string stack, JsonNode rule)
    {
        var listener = rule["properties"]?["listenerArn"]?.ToJsonString();
        var priority = rule["properties"]?["priority"]?.ToJsonString();
        foreach (var other in backend.Stacks().Where(s => s != stack))
        {
            foreach (var (_, resource) in backend.Load(other)["resources"] as JsonObject ?? [])
            {
                if (resource!["type"]!.GetValue<string>() == "aws:lb:ListenerRule"
                    && resource["properties"]?["listenerArn"]?.ToJsonString() == listener && resource["properties"]?["priority"]?.ToJsonString() == priority)
                    return $"creating ELBv2 Listener Rule: operation error Elastic Load Balancing v2: CreateRule, api error PriorityInUse: Priority '{priority}' is currently in use";
            }
        }
        return null;
    }

    /// <summary>Outputs of the stacks the template references (<c>pulumi:pulumi:StackReference</c>), by logical name.</summary>
    private Dictionary<string, JsonObject> StackReferences(JsonObject template)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (name, resource) in template["resources"] as JsonObject ?? [])
        {
            if (resource!["type"]!.GetValue<string>() != "pulumi:pulumi:StackReference") continue;
            var fqn = resource["properties"]!["name"]!.GetValue<string>();
            // A reference names the stack fully (org/project/stack), with the backend's real organization.
            var other = fqn.Split('/')[^1];
            if (fqn != backend.Qualified(other) || !backend.Exists(other)) throw new FakeError($"unknown stack \"{fqn}\"");
            result[name] = backend.Load(other)["outputs"] as JsonObject ?? [];
        }
        return result;
    }

    /// <summary>Resolves stack-reference outputs to their values and other references to stable fake values.</summary>
    private static JsonNode Resolve(JsonNode node, Dictionary<string, JsonObject> stackOutputs, string stack) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)(p.Value is null ? null : Resolve(p.Value, stackOutputs, stack))))),
        JsonArray a => new JsonArray(a.Select(i => i is null ? null : Resolve(i, stackOutputs, stack)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => ResolveString(s, stackOutputs, stack),
        _ => node.DeepClone(),
    };

    private static JsonNode ResolveString(string text, Dictionary<string, JsonObject> stackOutputs, string stack)
    {
        var whole = Reference().Match(text);
        if (whole.Success && whole.Length == text.Length)
        {
            var reference = whole.Groups["ref"].Value;
            if (Lookup(reference, stackOutputs, stack) is JsonNode value && value is not JsonValue) return value.DeepClone();
            // A whole-value reference to a plural ID property (privateSubnetIds…) is a list in the real provider.
            if (reference.EndsWith("Ids", StringComparison.Ordinal) && Lookup(reference, stackOutputs, stack) is null)
                return new JsonArray($"fake:{stack}:{reference}[0]", $"fake:{stack}:{reference}[1]");
        }
        return JsonValue.Create(Reference().Replace(text, m => Lookup(m.Groups["ref"].Value, stackOutputs, stack) switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonNode n => n.ToJsonString(),
            null => $"fake:{stack}:{m.Groups["ref"].Value}",
        }))!;
    }

    private static JsonNode? Lookup(string reference, Dictionary<string, JsonObject> stackOutputs, string stack)
    {
        // ${ref.outputs["key"]}, then any property accesses the YAML language allows: ["member"] or [index].
        var match = Regex.Match(reference, "^(?<res>[^.]+)\\.outputs\\[\"(?<key>[^\"]+)\"\\](?<path>(\\[(\"[^\"]+\"|\\d+)\\])*)$");
        if (!match.Success || !stackOutputs.TryGetValue(match.Groups["res"].Value, out var outputs)) return null;
        var value = outputs[match.Groups["key"].Value] ?? throw new FakeError($"stack reference output '{match.Groups["key"].Value}' not found");
        foreach (Match part in Regex.Matches(match.Groups["path"].Value, "\\[(\"(?<member>[^\"]+)\"|(?<index>\\d+))\\]"))
            value = (part.Groups["member"].Success ? (value as JsonObject)?[part.Groups["member"].Value]
                : value is JsonArray list && int.Parse(part.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < list.Count ? list[i] : null)
                ?? throw new FakeError($"stack reference output '{match.Groups["key"].Value}{match.Groups["path"].Value}' not found");
        return value;
    }

    private static JsonObject ResolveOutputs(JsonObject template, Dictionary<string, JsonObject> stackOutputs, string stack)
    {
        var outputs = (JsonObject)Resolve(template["outputs"] ?? new JsonObject(), stackOutputs, stack);
        if (Environment.GetEnvironmentVariable("FAKE_PULUMI_OUTPUTS") is { Length: > 0 } overrides && JsonNode.Parse(overrides)?[stack] is JsonObject replaced)
            foreach (var (name, value) in replaced) outputs[name] = value?.DeepClone();
        return outputs;
    }
}
