using System.Text;

namespace Deployments.Infra.Template;

/// <summary>
/// A Pulumi YAML expression: text that the YAML evaluator interpolates (<c>${resource.property}</c>).
/// Plain C# strings in a template are literals and get <c>${</c> escaped by the serializer; only an
/// <see cref="Expr"/> reaches the output unescaped. References are never concatenated by hand: build
/// them with <see cref="Ref"/> and <see cref="Interpolate"/>.
/// See https://www.pulumi.com/docs/iac/languages-sdks/yaml/yaml-language-reference/ (interpolation).
/// </summary>
public sealed record Expr(string Text)
{
    /// <summary><c>${name.path}</c>; <paramref name="path"/> may be empty for the resource itself.</summary>
    public static Expr Ref(string name, string path = "") =>
        new(path.Length == 0 ? $"${{{name}}}" : $"${{{name}.{path}}}");

    /// <summary>An output of a <c>pulumi:pulumi:StackReference</c>: <c>${ref.outputs["key"]}</c>.</summary>
    public static Expr StackOutput(string referenceName, string key) =>
        new($"${{{referenceName}.outputs[\"{key}\"]}}");

    /// <summary>
    /// A member of a structured StackReference output: <c>${ref.outputs["key"]["member"][0]}</c>, each part a property
    /// name (string) or a list index (int), the property access the YAML language reference allows on any value.
    /// </summary>
    public static Expr StackOutput(string referenceName, string key, params object[] path)
    {
        var text = new StringBuilder($"${{{referenceName}.outputs[\"{key}\"]");
        foreach (var part in path)
            text.Append(part switch
            {
                int index => $"[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]",
                string member => $"[\"{member}\"]",
                _ => throw new ArgumentException($"a path part is a member name or an index, not a {part.GetType().Name}", nameof(path)),
            });
        return new Expr(text.Append('}').ToString());
    }

    /// <summary>Joins literal strings (escaped) and expressions (verbatim) into one interpolated string.</summary>
    public static Expr Interpolate(params object[] parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part switch
            {
                Expr e => e.Text,
                string s => Literal.Escape(s),
                _ => throw new ArgumentException($"cannot interpolate a {part.GetType().Name}", nameof(parts)),
            });
        }
        return new Expr(text.ToString());
    }

    public override string ToString() => Text;
}
