using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakePulumi;

/// <summary>
/// The digest <c>pulumi preview --json</c> prints (https://github.com/pulumi/pulumi/blob/master/pkg/backend/display/json.go):
/// 4-space indent, steps of the logical ops only (one <c>replace</c>, no <c>create-replacement</c>/<c>delete-replaced</c>),
/// <c>same</c> steps left out but the root stack's, secrets of the config blinded, <c>duration</c> in nanoseconds. A
/// resource is replaced when its type changes or a property its provider cannot update in place changes
/// (<see cref="ReplaceOnChange"/>); replacing or deleting a protected resource is the engine's error.
/// </summary>
public static class PreviewDigest
{
    private static readonly JsonSerializerOptions FourSpaces = new() { WriteIndented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// A realistic set of the AWS provider's force-new properties (its schema marks them <c>willReplaceOnChanges</c>,
    /// https://registry.terraform.io/providers/hashicorp/aws/latest/docs): an RDS instance's identifier, engine and
    /// storage encryption, an ECR repository's or log group's name, a load balancer's name, scheme and type, a target
    /// group's name, port, protocol and VPC.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> ReplaceOnChange = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["aws:rds:Instance"] = ["identifier", "engine", "storageEncrypted", "dbName", "username", "kmsKeyId"],
        ["aws:ecr:Repository"] = ["name"],
        ["aws:cloudwatch:LogGroup"] = ["name"],
        ["aws:lb:LoadBalancer"] = ["name", "internal", "loadBalancerType"],
        ["aws:lb:TargetGroup"] = ["name", "port", "protocol", "vpcId", "targetType"],
        ["aws:s3:Bucket"] = ["bucket"],
        ["aws:iam:Role"] = ["name"],
        ["aws:ecs:Cluster"] = ["name"],
    };

    public static (string Json, List<string> Errors) Render(string stack, string project, IReadOnlyDictionary<string, string> config, ISet<string> secretKeys,
        IReadOnlyDictionary<string, JsonNode> current, IReadOnlyDictionary<string, JsonNode> desired, TimeSpan duration)
    {
        string Urn(string type, string name) => $"urn:pulumi:{stack}::{project}::{Canonical(type)}::{name}";
        var steps = new JsonArray();
        var diagnostics = new JsonArray();
        var errors = new List<string>();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var root = $"urn:pulumi:{stack}::{project}::pulumi:pulumi:Stack::{project}-{stack}";
        steps.Add((JsonNode)new JsonObject { ["op"] = "same", ["urn"] = root, ["oldState"] = RootState(root), ["newState"] = RootState(root), ["detailedDiff"] = null });
        counts["same"] = 1;
        foreach (var (name, node) in desired)
        {
            var type = node["type"]!.GetValue<string>();
            var urn = Urn(type, name);
            if (!current.TryGetValue(name, out var old))
            {
                Add(steps, counts, new JsonObject { ["op"] = "create", ["urn"] = urn, ["newState"] = State(urn, type, node, null), ["detailedDiff"] = null });
                continue;
            }
            var diff = new SortedDictionary<string, string>(StringComparer.Ordinal);
            Flatten("", old["properties"], node["properties"], diff);
            if (diff.Count == 0 && old["type"]!.GetValue<string>() == type) { counts["same"] = counts.GetValueOrDefault("same") + 1; continue; }
            var forceNew = ReplaceOnChange.GetValueOrDefault(type) ?? [];
            var reasons = diff.Keys.Select(TopLevel).Distinct(StringComparer.Ordinal).ToList();
            var replaceReasons = reasons.Where(forceNew.Contains).ToList();
            var replace = replaceReasons.Count > 0 || old["type"]!.GetValue<string>() != type;
            var step = new JsonObject
            {
                ["op"] = replace ? "replace" : "update",
                ["urn"] = urn,
                ["provider"] = $"urn:pulumi:{stack}::{project}::pulumi:providers:aws::default_6_66_2::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                ["oldState"] = State(urn, type, old, $"fake-id-{name}"),
                ["newState"] = State(urn, type, node, replace ? null : $"fake-id-{name}"),
                ["diffReasons"] = new JsonArray(reasons.Select(r => (JsonNode)r).ToArray()),
                ["detailedDiff"] = new JsonObject(diff.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)new JsonObject
                {
                    ["kind"] = forceNew.Contains(TopLevel(d.Key)) ? d.Value + "-replace" : d.Value,
                    ["inputDiff"] = false,
                }))),
            };
            if (replace) step["replaceReasons"] = new JsonArray(replaceReasons.Select(r => (JsonNode)r).ToArray());
            if (replace && Protected(old) && Protected(node))
                Error(diagnostics, errors, urn, $"unable to replace resource \"{urn}\"\nas it is currently marked for protection. To unprotect the resource, remove the `protect` flag from the resource in your Pulumi program and run `pulumi up`");
            Add(steps, counts, step);
        }
        foreach (var (name, old) in current.Where(c => !desired.ContainsKey(c.Key)).Reverse())
        {
            var type = old["type"]!.GetValue<string>();
            var urn = Urn(type, name);
            Add(steps, counts, new JsonObject { ["op"] = "delete", ["urn"] = urn, ["oldState"] = State(urn, type, old, $"fake-id-{name}"), ["detailedDiff"] = null });
            if (Protected(old))
                Error(diagnostics, errors, urn, $"unable to delete resource \"{urn}\"\nas it is currently marked for protection. To unprotect the resource, either remove the `protect` flag from the resource in your Pulumi program or use the command:\n`pulumi state unprotect {urn}`");
        }
        var digest = new JsonObject
        {
            ["config"] = new JsonObject(config.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)(secretKeys.Contains(c.Key) ? "[secret]" : c.Value)))),
            ["steps"] = steps,
        };
        if (diagnostics.Count > 0) digest["diagnostics"] = diagnostics;
        digest["duration"] = duration.Ticks * 100;
        digest["changeSummary"] = new JsonObject(counts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value)));
        return (digest.ToJsonString(FourSpaces), errors);
    }

    /// <summary>The engine's type token: a template's <c>aws:rds:Instance</c> is <c>aws:rds/instance:Instance</c> in a URN.</summary>
    public static string Canonical(string type)
    {
        var parts = type.Split(':');
        if (parts.Length != 3 || parts[1].Contains('/') || parts[0] == "pulumi") return type;
        return $"{parts[0]}:{parts[1]}/{char.ToLowerInvariant(parts[2][0])}{parts[2][1..]}:{parts[2]}";
    }

    private static void Add(JsonArray steps, SortedDictionary<string, int> counts, JsonObject step)
    {
        steps.Add((JsonNode)step);
        var op = step["op"]!.GetValue<string>();
        counts[op] = counts.GetValueOrDefault(op) + 1;
    }

    private static void Error(JsonArray diagnostics, List<string> errors, string urn, string message)
    {
        diagnostics.Add((JsonNode)new JsonObject { ["urn"] = urn, ["message"] = message + "\n", ["severity"] = "error" });
        errors.Add(message);
    }

    private static bool Protected(JsonNode resource) => resource["options"]?["protect"]?.GetValue<bool>() == true;

    private static JsonObject RootState(string urn) => new() { ["urn"] = urn, ["custom"] = false, ["type"] = "pulumi:pulumi:Stack" };

    private static JsonObject State(string urn, string type, JsonNode resource, string? id)
    {
        var state = new JsonObject { ["urn"] = urn, ["custom"] = true };
        if (id is not null) state["id"] = id;
        state["type"] = Canonical(type);
        state["inputs"] = resource["properties"]?.DeepClone() ?? new JsonObject();
        if (id is not null) state["outputs"] = resource["properties"]?.DeepClone() ?? new JsonObject();
        if (Protected(resource)) state["protect"] = true;
        return state;
    }

    private static string TopLevel(string path) => path.Split('.', '[')[0];

    /// <summary>Property paths as the engine writes them (<c>tags.env</c>, <c>ingress[0].port</c>) with add, delete or update.</summary>
    private static void Flatten(string path, JsonNode? old, JsonNode? @new, SortedDictionary<string, string> diff)
    {
        if (JsonNode.DeepEquals(old, @new)) return;
        if (old is JsonObject o && @new is JsonObject n)
        {
            foreach (var key in o.Select(p => p.Key).Union(n.Select(p => p.Key)))
                Flatten(path.Length == 0 ? key : $"{path}.{key}", o[key], n[key], diff);
            return;
        }
        if (path.Length == 0) { Flatten("", old ?? new JsonObject(), @new ?? new JsonObject(), diff); return; }
        if (old is JsonArray a && @new is JsonArray b && a.Count == b.Count)
        {
            for (var i = 0; i < a.Count; i++) Flatten($"{path}[{i}]", a[i], b[i], diff);
            return;
        }
        diff[path] = old is null ? "add" : @new is null ? "delete" : "update";
    }
}
