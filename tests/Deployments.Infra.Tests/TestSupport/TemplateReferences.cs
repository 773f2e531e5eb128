using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Deployments.Infra.Tests.TestSupport;

/// <summary>
/// Finds <c>${...}</c> references whose root is not a declared resource, variable, config key or the built-in
/// <c>pulumi</c> variable (YAML language reference, "Interpolation"; <c>$${</c> is an escaped literal).
/// </summary>
public static partial class TemplateReferences
{
    [GeneratedRegex(@"(?<!\$)\$\{([^}]*)\}")]
    private static partial Regex Reference();

    public static IReadOnlyList<string> Unresolved(JsonObject template, IEnumerable<string> configKeys)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal) { "pulumi" };
        foreach (var section in new[] { "resources", "variables" })
            if (template[section] is JsonObject map) declared.UnionWith(map.Select(e => e.Key));
        declared.UnionWith(configKeys);
        var unresolved = new List<string>();
        foreach (var text in Strings(template))
        {
            foreach (Match m in Reference().Matches(text))
            {
                var root = Regex.Split(m.Groups[1].Value, @"[.\[]")[0];
                if (!declared.Contains(root)) unresolved.Add(m.Value);
            }
        }
        return unresolved;
    }

    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(e => Strings(e.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
