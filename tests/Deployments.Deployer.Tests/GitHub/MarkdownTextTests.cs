using Deployments.Deployer.Commands;
using Deployments.Deployer.GitHub;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary>
/// Text from the event (branch names, reasons quoting labels or forks) is escaped where it becomes Markdown, so a
/// crafted branch cannot mention anyone, link, embed an image or HTML, or break the comment's table.
/// </summary>
public class MarkdownTextTests
{
    [TestCase("feature/login", @"feature/login")]
    [TestCase("fix-2.0+rc", @"fix\-2\.0\+rc")]
    [TestCase("@octocat", "@\u200Boctocat")]                                  // no mention (nor team: @org/team)
    [TestCase("[click](https://evil.example)", @"\[click\]\(https\://evil\.example\)")] // no link, no autolink
    [TestCase("![x](https://evil.example/a.png)", @"\!\[x\]\(https\://evil\.example/a\.png\)")]
    [TestCase("<img src=x onerror=alert(1)>", @"&lt;img src=x onerror=alert\(1\)&gt;")]
    [TestCase("a|b", @"a\|b")]                                                 // no extra table cell
    [TestCase("x\n| Evil | row |", @"x \| Evil \| row \|")]                   // no new table row
    [TestCase("`code` *bold* _it_ ~strike~", @"\`code\` \*bold\* \_it\_ \~strike\~")]
    [TestCase("www.evil.example", @"www\.evil\.example")]                      // no extended autolink
    [TestCase("a&amp;b", @"a&amp;amp;b")]
    [TestCase(@"back\slash", @"back\\slash")]
    public void Escapes(string text, string expected) => MarkdownText.Escape(text).ShouldBe(expected);

    private const string Hostile = "x|@octocat ![i](https://evil.example/i.png) [l](https://evil.example) <b>";

    private static void ShouldBeInert(string markdown)
    {
        markdown.ShouldNotContain("@octocat");
        markdown.ShouldNotContain("](");
        markdown.ShouldNotContain("<b>");
        markdown.ShouldNotContain("https://evil");
        // Every table row still has exactly its two cells.
        foreach (var row in markdown.Split('\n').Where(l => l.StartsWith('|')))
            row.Replace(@"\|", "", StringComparison.Ordinal).Count(c => c == '|').ShouldBe(3, row);
    }

    [Test]
    public void A_hostile_branch_is_inert_in_every_comment_and_summary()
    {
        var decision = new EventDecision(EventDecision.Deploy, Hostile, "preview-x", $"label '{Hostile}' was removed") { HeadSha = "abc1234", ImageTag = "abc1234" };
        var deployed = new PreviewDeployResult("preview-x", Hostile, "https://x.preview.example.com", "abc1234", 7, new Dictionary<string, int>(), TimeSpan.FromSeconds(3), true);

        ShouldBeInert(CommentRenderer.Deploying("preview-x", decision));
        ShouldBeInert(CommentRenderer.Deployed(deployed, decision));
        ShouldBeInert(CommentRenderer.Destroyed("preview-x", decision.Reason));
        ShouldBeInert(StepSummary.Deployed(deployed, decision));
        ShouldBeInert(StepSummary.Destroyed("preview-x", true, decision.Reason));
    }
}
