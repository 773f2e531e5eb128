namespace Deployments.Deployer.GitHub;

/// <summary>
/// How pull-request events map to previews. <see cref="Label"/>: previews only for PRs carrying it (added →
/// deploy, removed → destroy). <see cref="ImageTagTemplate"/>: the image tag of a commit, as CI tagged it — by
/// default the short SHA, as the seeds' pipelines tag; <c>{sha}</c>, <c>{short_sha}</c> and <c>{pr}</c> are replaced.
/// </summary>
public sealed record EventOptions(string? Label, bool AllowDrafts, bool AllowForks, string ImageTagTemplate)
{
    /// <summary>The label that wakes a pull request's scheduled preview until its next scheduled stop; it deploys and destroys nothing.</summary>
    public const string WakeLabel = "preview:wake";

    public string ImageTag(string sha, int pr) => ImageTagTemplate
        .Replace("{sha}", sha, StringComparison.Ordinal)
        .Replace("{short_sha}", sha[..Math.Min(7, sha.Length)], StringComparison.Ordinal)
        .Replace("{pr}", pr.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
