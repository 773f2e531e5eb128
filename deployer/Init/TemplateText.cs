using System.Text;
using System.Text.RegularExpressions;

namespace Deployments.Deployer.Init;

/// <summary>
/// Fills one of our templates: <c>@@name@@</c> is replaced by a value the caller has already written safely for
/// the file's language (<see cref="YamlScalar"/>); a line starting <c>@@?name@@</c> is kept, without that prefix,
/// only when <c>name</c> has a value. Values are inserted once and never re-scanned, so a value cannot add a
/// placeholder; a placeholder without a value is a bug of ours, not the user's.
/// </summary>
public static partial class TemplateText
{
    [GeneratedRegex(@"^@@\?([A-Za-z]+)@@")]
    private static partial Regex Guard();

    [GeneratedRegex(@"@@([A-Za-z]+)@@")]
    private static partial Regex Placeholder();

    public static string Render(string template, IReadOnlyDictionary<string, string?> values)
    {
        var output = new StringBuilder(template.Length);
        foreach (var rawLine in template.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine;
            if (Guard().Match(line) is { Success: true } guard)
            {
                if (Value(values, guard.Groups[1].Value, allowMissing: true) is null) continue;
                line = line[guard.Length..];
            }
            output.Append(Placeholder().Replace(line, m => Value(values, m.Groups[1].Value, allowMissing: false)!)).Append('\n');
        }
        // Split leaves one empty piece after the final line break: drop the line break it added.
        output.Length--;
        return output.ToString();
    }

    private static string? Value(IReadOnlyDictionary<string, string?> values, string name, bool allowMissing) =>
        !values.TryGetValue(name, out var value) ? throw new InvalidOperationException($"template placeholder '{name}' has no value (a bug)")
        : value is null && !allowMissing ? throw new InvalidOperationException($"template placeholder '{name}' is used outside an @@?{name}@@ line but has no value (a bug)")
        : value;
}
