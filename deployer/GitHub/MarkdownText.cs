using System.Text;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// The one escaping of untrusted text (branch names, labels, fork names from the event) placed in GitHub-flavoured
/// Markdown: a PR comment or a step summary. Punctuation that starts emphasis, code, links, images, autolinks
/// (<c>:</c>, <c>.</c>) or table cells (<c>|</c>) is backslash-escaped (https://github.github.com/gfm/#backslash-escapes;
/// in tables <c>\|</c> keeps the cell, https://github.github.com/gfm/#tables-extension-); <c>&lt; &gt; &amp;</c>
/// become entities, so no HTML; a zero-width space after <c>@</c> stops mentions, which GitHub finds in rendered
/// text where escapes no longer exist; control characters (line breaks end a table row) become spaces.
/// Never put the result in a code span: backslashes show there.
/// </summary>
public static class MarkdownText
{
    private const string Escaped = "\\`*_{}[]()#+-.!|~:";

    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': result.Append("&lt;"); break;
                case '>': result.Append("&gt;"); break;
                case '&': result.Append("&amp;"); break;
                case '@': result.Append("@\u200B"); break;
                case var _ when char.IsControl(c): result.Append(' '); break;
                case var _ when Escaped.Contains(c, StringComparison.Ordinal): result.Append('\\').Append(c); break;
                default: result.Append(c); break;
            }
        }
        return result.ToString();
    }
}
