using System.Text.RegularExpressions;
using Deployments.Deployer.GitHub;

namespace Deployments.Deployer.Review;

/// <summary>
/// What a merge applies, as the deploy workflow does it (.github/workflows/deploy.yml, written by <c>init</c>):
/// nothing runs from the pull request itself; the push of the merge to the default branch deploys <c>staging</c> with
/// the image <c>VERSION-&lt;merge commit&gt;</c>, and a <c>v*</c> tag promotes staging's image to <c>production</c>.
/// </summary>
public static partial class MergeNote
{
    /// <summary>The workflow's own check of VERSION: one line of a Docker tag's characters.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}\z")]
    private static partial Regex VersionPattern();

    public static string For(string environment, PullRequestContext? pr, string projectDirectory)
    {
        var version = ReadVersion(projectDirectory);
        var reviewed = pr is null ? "Reviewed from the working tree." : $"Reviewed at commit {pr.ShortSha}, the head of #{pr.Number}.";
        var target = pr is null ? "the default branch" : MarkdownText.Escape(pr.BaseBranch);
        var applies = environment == "production"
            ? $"the next `v*` tag promotes the image staging runs (version {MarkdownText.Escape(version)}) to production with this program and config"
            : $"the deploy workflow applies this program and config to {MarkdownText.Escape(environment)} on the push of the merge to {target}, with the image {MarkdownText.Escape(version)}-&lt;merge commit&gt;";
        return $"{reviewed} Nothing is applied from the pull request: after it is merged, {applies}.";
    }

    private static string ReadVersion(string directory)
    {
        var path = Path.Combine(directory, "VERSION");
        if (!File.Exists(path) || new FileInfo(path).Length > 256) return "0.0.0";
        var text = File.ReadAllText(path).Trim();
        return VersionPattern().IsMatch(text) ? text : "0.0.0";
    }
}
