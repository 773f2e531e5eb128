using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Deployments.Infra.Tests.Schema;

/// <summary>
/// Turns a template into TypeScript that assigns each resource's properties, as an object literal, to the
/// provider SDK's <c>*Args</c> type, so <c>tsc</c> applies its excess-property and type checks at every level.
/// Values: a string that is exactly one <c>${...}</c> becomes <c>__ref</c> (typed any: YAML substitutes the
/// referenced value with its own type); other strings stay strings; <c>fn::toJSON</c> → <c>JSON.stringify(...)</c>;
/// <c>fn::secret</c> → <c>pulumi.secret(...)</c>; <c>fn::join</c> → a string; any other <c>fn::</c> → <c>__ref</c>.
/// Only properties are checked, not options.
/// </summary>
public static partial class TypeScriptEmitter
{
    [GeneratedRegex(@"^\$\{[^}]*\}$")]
    private static partial Regex WholeReference();

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();

    /// <summary>The TS source and, per resource, the first line of its declaration (1-based).</summary>
    public sealed record Output(string Source, IReadOnlyList<(int Line, string Resource)> ResourceLines);

    public static Output Emit(string templateJson)
    {
        var template = JsonNode.Parse(templateJson)!.AsObject();
        var ts = new StringBuilder();
        foreach (var (package, alias) in TypeTokenMap.Imports) ts.Append(CultureInfo.InvariantCulture, $"import * as {alias} from \"{package}\";\n");
        ts.Append("declare const __ref: any;\n");
        var lines = new List<(int, string)>();
        var index = 0;
        foreach (var (name, resource) in (template["resources"] as JsonObject) ?? [])
        {
            var type = resource!["type"]!.GetValue<string>();
            lines.Add((ts.ToString().Count(c => c == '\n') + 1, name));
            ts.Append(CultureInfo.InvariantCulture, $"// resource: {name} ({type})\n");
            ts.Append(CultureInfo.InvariantCulture, $"export const r{index++}: {TypeTokenMap.ArgsType(type)} = ");
            Value(ts, resource["properties"] ?? new JsonObject(), 0);
            ts.Append(";\n");
        }
        return new Output(ts.ToString(), lines);
    }

    private static void Value(StringBuilder ts, JsonNode? node, int depth)
    {
        var indent = new string(' ', 2 * (depth + 1));
        switch (node)
        {
            case null: ts.Append("null"); break;
            case JsonObject o when o.Count == 1 && o.First().Key.StartsWith("fn::", StringComparison.Ordinal):
                var (fn, argument) = o.First();
                switch (fn)
                {
                    case "fn::toJSON": ts.Append("JSON.stringify("); Value(ts, argument, depth); ts.Append(')'); break;
                    case "fn::secret": ts.Append("pulumi.secret("); Value(ts, argument, depth); ts.Append(')'); break;
                    case "fn::join": ts.Append("(\"\" as string)"); break;
                    default: ts.Append("__ref"); break;
                }
                break;
            case JsonObject o:
                ts.Append("{\n");
                foreach (var (key, value) in o)
                {
                    // Bare identifiers where possible, so diagnostics read 'name', not '"name"'.
                    ts.Append(indent).Append(Identifier().IsMatch(key) ? key : JsonSerializer.Serialize(key)).Append(": ");
                    Value(ts, value, depth + 1);
                    ts.Append(",\n");
                }
                ts.Append(new string(' ', 2 * depth)).Append('}');
                break;
            case JsonArray a:
                ts.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0) ts.Append(", ");
                    Value(ts, a[i], depth + 1);
                }
                ts.Append(']');
                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                ts.Append(WholeReference().IsMatch(text) ? "__ref" : JsonSerializer.Serialize(text));
                break;
            default:
                ts.Append(node.ToJsonString());
                break;
        }
    }
}
