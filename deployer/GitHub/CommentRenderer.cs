using System.Globalization;
using System.Text;
using Deployments.Deployer.Commands;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// The Markdown of a preview's pull-request comment, for each state of its life. Text from the event (the branch,
/// reasons that quote labels) goes through <see cref="MarkdownText"/>; stack, image, commit and URL are validated names.
/// </summary>
public static class CommentRenderer
{
    public static string Deploying(string stack, EventDecision decision) =>
        $"### ⏳ Preview `{stack}` is deploying\n\nCommit `{decision.HeadSha}` (image `{decision.ImageTag}`): {MarkdownText.Escape(decision.Reason)}.";

    public static string Deployed(PreviewDeployResult r, EventDecision decision)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### ✅ Preview `{r.Stack}` is up\n\n| | |\n|---|---|\n");
        text.Append(CultureInfo.InvariantCulture, $"| URL | {r.Url} |\n| Branch | {MarkdownText.Escape(r.Branch)} |\n| Image | `{r.ImageTag}` |\n| Commit | `{decision.HeadSha}` |\n");
        text.Append(CultureInfo.InvariantCulture, $"| Changes | {Changes(r.ResourceChanges)} |\n| Migration | {r.Migration} |\n| Verification | {r.Verification} |\n");
        text.Append(CultureInfo.InvariantCulture, $"| Duration | {r.Duration.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s |\n");
        // The schedule is validated config (day names, HH:MM, an IANA zone name): in a code span, no Markdown reaches the page.
        if (r.Schedule is { } schedule)
            text.Append(CultureInfo.InvariantCulture, $"| Schedule | `{schedule}`: asleep (0 tasks) outside it; add the label `{EventOptions.WakeLabel}` to wake it until the next stop |\n");
        if (r.MonthlyCost is decimal cost) text.Append(CultureInfo.InvariantCulture, $"| Estimated cost | ${cost.ToString("0.00", CultureInfo.InvariantCulture)} a month if left running (`deployments plan`) |\n");
        return text.ToString();
    }

    public static string Failed(string stack, EventDecision decision, string error) =>
        $"### ❌ Preview `{stack}` failed to deploy\n\nCommit `{decision.HeadSha}` (image `{decision.ImageTag}`).\n\n<details><summary>What failed</summary>\n\n```\n{error.Replace("```", "'''", StringComparison.Ordinal)}\n```\n</details>\n";

    /// <summary>
    /// The preview deployed and answers, but the team's smoke tests failed: it keeps running on the new image so the
    /// failure can be looked at, and the run fails (exit 9). The tail is the smoke test's own output, in a code block.
    /// </summary>
    public static string SmokeTestsFailed(Smoke.SmokeTestsFailedException failed, EventDecision decision) =>
        $"### ⚠️ Preview `{failed.Stack}` is up, but its smoke tests failed\n\n| | |\n|---|---|\n| URL | {failed.Url} |\n| Image | `{decision.ImageTag}` |\n| Commit | `{decision.HeadSha}` |\n"
        + $"| Smoke tests | {MarkdownText.Escape(failed.Result.Outcome)} |\n\nThe preview keeps running on this image so that the failure can be looked at; the run failed.\n"
        + (failed.Result.Tail.Count == 0 ? "" : $"\n<details><summary>Last lines of the smoke tests' output</summary>\n\n```\n{string.Join("\n", failed.Result.Tail).Replace("```", "'''", StringComparison.Ordinal)}\n```\n</details>\n");

    public static string Destroyed(string stack, string reason) =>
        $"### 🗑️ Preview `{stack}` is gone\n\n{MarkdownText.Escape(reason)}: its resources were destroyed and its stack removed.";

    private static string Changes(IReadOnlyDictionary<string, int> changes) => changes.Count == 0 ? "none"
        : string.Join(", ", changes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"));
}
