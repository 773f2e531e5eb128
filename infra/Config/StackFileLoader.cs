using Deployments.Infra.Json;
using YamlDotNet.RepresentationModel;

namespace Deployments.Infra.Config;

/// <summary>
/// Reads a <c>Pulumi.&lt;stack&gt;.yaml</c> file's <c>config:</c> block for offline rendering. Objects and arrays are
/// turned into JSON strings, as the CLI does before handing config to a program. Encrypted values
/// (<c>secure:</c>) cannot be read without the stack's secrets provider, so they are reported as problems
/// naming the key and the way out (<c>--config key=value</c>).
/// </summary>
public static class StackFileLoader
{
    public static void LoadInto(ConfigSource source, string path, string project)
    {
        YamlStream yaml = new();
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            source.LoadProblems.Add(new(path, $"cannot read the stack config file: {e.Message}"));
            return;
        }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root) return;
        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode)) return;
        if (configNode is not YamlMappingNode config)
        {
            source.LoadProblems.Add(new(path, "'config' must be a mapping of keys to values"));
            return;
        }
        foreach (var (keyNode, valueNode) in config.Children)
        {
            var key = ConfigKeys.Qualify(((YamlScalarNode)keyNode).Value ?? "", project);
            if (valueNode is YamlMappingNode map && map.Children.Count == 1
                && map.Children.ContainsKey(new YamlScalarNode("secure")))
            {
                source.LoadProblems.Add(new(key, "is encrypted (secure:) and cannot be decrypted offline; pass it with --config key=value"));
                continue;
            }
            source.Set(key, valueNode is YamlScalarNode scalar ? scalar.Value ?? "" : ToJson(valueNode));
        }
    }

    private static string ToJson(YamlNode node)
    {
        var writer = new JsonWriter(indented: false);
        Write(writer, node);
        return writer.ToString();
    }

    private static void Write(JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar: WriteScalar(writer, scalar); break;
            case YamlSequenceNode sequence:
                writer.StartArray();
                foreach (var child in sequence.Children) Write(writer, child);
                writer.EndArray();
                break;
            case YamlMappingNode mapping:
                writer.StartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.Name(((YamlScalarNode)key).Value ?? "");
                    Write(writer, value);
                }
                writer.EndObject();
                break;
            default: writer.Null(); break;
        }
    }

    // Unquoted YAML numbers and booleans keep their type inside objects, as they do in the Pulumi CLI.
    private static void WriteScalar(JsonWriter writer, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var quoted = scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted;
        if (!quoted && text is "true" or "false") writer.Boolean(text == "true");
        else if (!quoted && long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)) writer.Number(number);
        else writer.String(text);
    }
}
