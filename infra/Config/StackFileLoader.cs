using Deployments.Infra.Json;
using YamlDotNet.RepresentationModel;

namespace Deployments.Infra.Config;

/// <summary>
/// Reads a <c>Pulumi.&lt;stack&gt;.yaml</c> file's <c>config:</c> block for offline rendering. Objects and arrays are
/// turned into JSON strings, as the CLI does before handing config to a program. Encrypted values
/// (<c>secure:</c>) cannot be read without the stack's secrets provider, so they are reported as problems
/// naming the key and the way out (<c>--config key=value</c>). Hostile files are problems naming the file and the
/// position: larger than <see cref="MaxFileBytes"/>, nested deeper than <see cref="BoundedYamlReader.MaxDepth"/>,
/// complex keys, cyclic aliases, or aliases expanding past <see cref="MaxExpandedValues"/> values or
/// <see cref="MaxExpandedChars"/> characters.
/// </summary>
public static class StackFileLoader
{
    /// <summary>A stack file holds a few dozen keys; 1 MiB is far beyond any real one.</summary>
    public const long MaxFileBytes = 1024 * 1024;
    public const int MaxExpandedValues = 100_000;
    public const int MaxExpandedChars = 4 * 1024 * 1024;

    public static void LoadInto(ConfigSource source, string path, string project)
    {
        BoundedYamlReader.Document document;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                source.LoadProblems.Add(new(path, $"is larger than {MaxFileBytes / 1024 / 1024} MiB; a stack config file holds a few dozen keys"));
                return;
            }
            using var reader = new StreamReader(path);
            document = BoundedYamlReader.ReadFirstDocument(reader);
        }
        catch (StackFileException e)
        {
            source.LoadProblems.Add(new(path, $"line {e.Line}, column {e.Column}: {e.Message}"));
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            source.LoadProblems.Add(new(path, $"cannot read the stack config file: {e.Message}"));
            return;
        }
        if (document.Root is not YamlMappingNode root) return;
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
                source.MarkSecret(key);
                source.LoadProblems.Add(new(key, "is encrypted (secure:) and cannot be decrypted offline; pass it with --config key=value"));
                continue;
            }
            if (valueNode is YamlScalarNode scalar) { source.Set(key, scalar.Value ?? ""); continue; }
            var budget = new Budget();
            var json = ToJson(valueNode, budget);
            if (json is null)
            {
                source.LoadProblems.Add(new(path, $"{document.Where(valueNode)}: the value of '{key}' expands (through aliases) to more than {MaxExpandedValues} values or {MaxExpandedChars} characters"));
                continue;
            }
            source.Set(key, json);
        }
    }

    /// <summary>
    /// Under the YAML host the values come decrypted in PULUMI_CONFIG, without saying which were secret (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go), but the stack file still marks them <c>secure:</c>. A plain text search first keeps the usual run from
    /// parsing YAML at all (start-up time); an unreadable file marks nothing, its values are not used here.
    /// </summary>
    public static void MarkSecureKeys(ConfigSource source, string path, string project)
    {
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes || !File.ReadAllText(path).Contains("secure", StringComparison.Ordinal)) return;
            using var reader = new StreamReader(path);
            if (BoundedYamlReader.ReadFirstDocument(reader).Root is not YamlMappingNode root
                || !root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode) || configNode is not YamlMappingNode config) return;
            foreach (var (keyNode, valueNode) in config.Children)
                if (valueNode is YamlMappingNode map && map.Children.Count == 1 && map.Children.ContainsKey(new YamlScalarNode("secure")))
                    source.MarkSecret(ConfigKeys.Qualify(((YamlScalarNode)keyNode).Value ?? "", project));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException or StackFileException)
        {
        }
    }

    /// <summary>What one value may still expand to; aliases share nodes, so a small file can describe a huge value.</summary>
    private sealed class Budget
    {
        public int Values = MaxExpandedValues;
        public long Chars = MaxExpandedChars;
    }

    private static string? ToJson(YamlNode node, Budget budget)
    {
        var writer = new JsonWriter(indented: false);
        return Write(writer, node, budget) ? writer.ToString() : null;
    }

    // Recursion is bounded: the reader refused anything nested deeper than BoundedYamlReader.MaxDepth.
    private static bool Write(JsonWriter writer, YamlNode node, Budget budget)
    {
        if (--budget.Values < 0) return false;
        switch (node)
        {
            case YamlScalarNode scalar:
                if ((budget.Chars -= (scalar.Value?.Length ?? 0) + 2) < 0) return false;
                WriteScalar(writer, scalar);
                return true;
            case YamlSequenceNode sequence:
                writer.StartArray();
                foreach (var child in sequence.Children) if (!Write(writer, child, budget)) return false;
                writer.EndArray();
                return true;
            case YamlMappingNode mapping:
                writer.StartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    if ((budget.Chars -= name.Length + 3) < 0) return false;
                    writer.Name(name);
                    if (!Write(writer, value, budget)) return false;
                }
                writer.EndObject();
                return true;
            default: writer.Null(); return true;
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
