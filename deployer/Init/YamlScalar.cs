using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Deployments.Deployer.Init;

/// <summary>
/// Writes a string as a YAML scalar that reads back as exactly that string: plain when it is a safe word, else
/// double-quoted with every character that could end or bend the scalar escaped (YAML 1.2 §7.3.1 and §5.7,
/// https://yaml.org/spec/1.2.2/#731-double-quoted-style). Plain words never look like a bool, null or number in
/// YAML 1.1 either (https://yaml.org/type/bool.html), so every reader sees a string.
/// </summary>
public static partial class YamlScalar
{
    [GeneratedRegex(@"^[A-Za-z/][A-Za-z0-9._/-]*\z")]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"^(y|n|yes|no|true|false|on|off|null)\z", RegexOptions.IgnoreCase)]
    private static partial Regex TypedWord();

    public static string Write(string value) =>
        PlainWord().IsMatch(value) && !TypedWord().IsMatch(value) ? value : DoubleQuoted(value);

    /// <summary>A flow sequence of strings, <c>["a", "b"]</c>, each item double-quoted.</summary>
    public static string WriteSequence(IEnumerable<string> values) => $"[{string.Join(", ", values.Select(DoubleQuoted))}]";

    public static string DoubleQuoted(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                // Control characters, line and paragraph separators and the BOM are written as escapes so the file stays
                // printable and one line per value (callers refuse unpaired surrogates: UTF-8 cannot encode them).
                case var _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }
        return text.Append('"').ToString();
    }
}
