using System.Text.Json.Nodes;

namespace Deployments.Infra.Tests.TestSupport;

/// <summary>
/// Partial-match assertions on a compiled template, in the spirit of CDK's <c>Template.hasResourceProperties</c>:
/// expected objects match when every expected key matches (extra keys are fine), arrays match element by element
/// with the same length, <see cref="Absent"/> demands a key is missing, and scalars compare by JSON text.
/// </summary>
public sealed class TemplateAssert(JsonObject root)
{
    /// <summary>Marks a key that must not be present.</summary>
    public static readonly JsonNode Absent = JsonValue.Create("__absent__")!;

    public JsonObject Root { get; } = root;

    public static TemplateAssert FromJson(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new AssertionException("the template is not a JSON object"));

    public JsonObject Resources => Root["resources"] as JsonObject ?? [];

    public IReadOnlyList<(string Name, JsonObject Resource)> ResourcesOfType(string type) =>
        Resources.Where(r => r.Value?["type"]?.GetValue<string>() == type).Select(r => (r.Key, (JsonObject)r.Value!)).ToList();

    public void ResourceCountIs(string type, int count) =>
        ResourcesOfType(type).Count.ShouldBe(count, $"number of {type} resources");

    /// <summary>Asserts one resource of <paramref name="type"/> has properties matching <paramref name="expected"/>; returns it.</summary>
    public JsonObject HasResourceProperties(string type, object expected)
    {
        var expectedNode = ToNode(expected);
        var candidates = ResourcesOfType(type);
        if (candidates.Count == 0) throw new AssertionException($"no resource of type {type}; types present: {string.Join(", ", Resources.Select(r => r.Value?["type"]).Distinct())}");
        var failures = new List<string>();
        foreach (var (name, resource) in candidates)
        {
            var mismatch = Mismatch(expectedNode, resource["properties"], "properties");
            if (mismatch is null) return resource;
            failures.Add($"{name}: {mismatch}");
        }
        throw new AssertionException($"no {type} matches; closest misses:\n  " + string.Join("\n  ", failures));
    }

    public JsonObject Resource(string logicalName) =>
        Resources[logicalName] as JsonObject ?? throw new AssertionException($"no resource named '{logicalName}'");

    public JsonNode? Output(string name) =>
        (Root["outputs"] as JsonObject)?.TryGetPropertyValue(name, out var value) == true ? value : throw new AssertionException($"no output '{name}'");

    public static void Matches(JsonNode? actual, object expected, string what)
    {
        var mismatch = Mismatch(ToNode(expected), actual, what);
        if (mismatch is not null) throw new AssertionException(mismatch);
    }

    private static JsonNode? ToNode(object expected) => expected as JsonNode ?? JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(expected));

    private static string? Mismatch(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject e:
                if (actual is not JsonObject a) return $"{path}: expected an object, got {Show(actual)}";
                foreach (var (key, value) in e)
                {
                    var present = a.TryGetPropertyValue(key, out var actualValue);
                    if (value is JsonValue v && v.ToJsonString() == Absent.ToJsonString())
                    {
                        if (present) return $"{path}.{key}: expected absent, got {Show(actualValue)}";
                        continue;
                    }
                    if (!present) return $"{path}.{key}: missing";
                    if (Mismatch(value, actualValue, $"{path}.{key}") is string m) return m;
                }
                return null;
            case JsonArray e:
                if (actual is not JsonArray arr) return $"{path}: expected an array, got {Show(actual)}";
                if (arr.Count != e.Count) return $"{path}: expected {e.Count} items, got {arr.Count}: {Show(actual)}";
                for (var i = 0; i < e.Count; i++)
                    if (Mismatch(e[i], arr[i], $"{path}[{i}]") is string m) return m;
                return null;
            default:
                return Show(expected) == Show(actual) ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}";
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
