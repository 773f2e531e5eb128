using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace FakePulumi;

/// <summary>
/// Stack config lives where the real CLI keeps it: <c>Pulumi.&lt;stack&gt;.yaml</c> beside Pulumi.yaml. Nested values
/// are handed around as JSON strings (as the CLI passes them to programs) and written back as such.
/// </summary>
public static class StackConfigFile
{
    public static string PathFor(string directory, string stack) => Path.Combine(directory, $"Pulumi.{stack}.yaml");

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
            values[((YamlScalarNode)key).Value!] = value is YamlScalarNode s ? s.Value ?? "" : JsonSerializer.Serialize(Plain(value));
        return values;
    }

    public static void Write(string directory, string stack, IReadOnlyDictionary<string, string> values)
    {
        var lines = new List<string> { "config:" };
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            lines.Add($"  {key}: {JsonSerializer.Serialize(value, Json.Compact)}");
        File.WriteAllText(PathFor(directory, stack), string.Join("\n", lines) + "\n");
    }

    public static void Delete(string directory, string stack) => File.Delete(PathFor(directory, stack));

    private static object? Plain(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Style is YamlDotNet.Core.ScalarStyle.Plain && long.TryParse(s.Value, out var n) ? n
            : s.Style is YamlDotNet.Core.ScalarStyle.Plain && s.Value is "true" or "false" ? s.Value == "true" : s.Value,
        YamlSequenceNode q => q.Children.Select(Plain).ToList(),
        YamlMappingNode m => m.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => Plain(c.Value)),
        _ => null,
    };
}
