using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace FakePulumi;

/// <summary>
/// Stack config lives where the real CLI keeps it: <c>Pulumi.&lt;stack&gt;.yaml</c> beside Pulumi.yaml. Nested values
/// are handed around as JSON strings (as the CLI passes them to programs) and written back as such. Secrets are
/// <c>key: {secure: …}</c> as in the real file; the "ciphertext" here is base64 (a fake, not encryption), and
/// <see cref="Read"/> gives them decrypted, as the real CLI hands them to the language host (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go).
/// </summary>
public static class StackConfigFile
{
    /// <summary><c>--config-file F</c> (on <c>config</c>, <c>preview</c>, <c>up</c>, <c>refresh</c>, <c>destroy</c>): F instead of
    /// Pulumi.&lt;stack&gt;.yaml (https://www.pulumi.com/docs/iac/cli/commands/pulumi_preview/). One command per process, so a
    /// static is enough.</summary>
    public static string? ConfigFile { get; set; }

    public static string PathFor(string directory, string stack) => ConfigFile ?? Path.Combine(directory, $"Pulumi.{stack}.yaml");

    public static SortedDictionary<string, string> Read(string directory, string stack)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var path = PathFor(directory, stack);
        if (!File.Exists(path)) return values;
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path)) yaml.Load(reader);
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("config"), out var config) || config is not YamlMappingNode map) return values;
        foreach (var (key, value) in map.Children)
            values[((YamlScalarNode)key).Value!] = Secure(value) is string secret ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(secret))
                : value is YamlScalarNode s ? s.Value ?? "" : Plain(value)?.ToJsonString() ?? "null";
        return values;
    }

    /// <summary>The keys whose values are stored <c>secure:</c>.</summary>
    public static SortedSet<string> SecretKeys(string directory, string stack)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var path = PathFor(directory, stack);
        if (!File.Exists(path)) return keys;
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path)) yaml.Load(reader);
        if (yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("config"), out var config) && config is YamlMappingNode map)
            foreach (var (key, value) in map.Children) if (Secure(value) is not null) keys.Add(((YamlScalarNode)key).Value!);
        return keys;
    }

    private static string? Secure(YamlNode node) => node is YamlMappingNode m && m.Children.Count == 1
        && m.Children.TryGetValue(new YamlScalarNode("secure"), out var v) && v is YamlScalarNode s ? s.Value : null;

    public static void Write(string directory, string stack, IReadOnlyDictionary<string, string> values, IReadOnlySet<string>? secretKeys = null)
    {
        var lines = new List<string> { "config:" };
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            lines.Add(secretKeys?.Contains(key) == true
                ? $"  {key}:\n    secure: {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value))}"
                : $"  {key}: {JsonValue.Create(value).ToJsonString(Json.Compact)}");
        File.WriteAllText(PathFor(directory, stack), string.Join("\n", lines) + "\n");
    }

    public static void Delete(string directory, string stack) => File.Delete(PathFor(directory, stack));

    // JSON nodes, not reflection-serialized objects: the fake is compiled ahead of time for the benchmarks.
    private static JsonNode? Plain(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Style is YamlDotNet.Core.ScalarStyle.Plain && long.TryParse(s.Value, out var n) ? JsonValue.Create(n)
            : s.Style is YamlDotNet.Core.ScalarStyle.Plain && s.Value is "true" or "false" ? JsonValue.Create(s.Value == "true") : JsonValue.Create(s.Value),
        YamlSequenceNode q => new JsonArray(q.Children.Select(Plain).ToArray()),
        YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Plain(c.Value)))),
        _ => null,
    };
}
