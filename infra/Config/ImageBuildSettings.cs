namespace Deployments.Infra.Config;

/// <summary>
/// Build the app image in the program itself (<c>docker-build:Image</c>), tagged as the seeds' pipelines tag:
/// the short SHA, <c>&lt;version&gt;-&lt;short sha&gt;</c>, and <c>latest</c> on the default branch.
/// </summary>
public sealed record ImageBuildSettings(string Context, string? Dockerfile, string Sha, string? Version, string? Branch, string DefaultBranch)
{
    public string ShortSha => Sha[..7];

    public IReadOnlyList<string> Tags
    {
        get
        {
            var tags = new List<string> { ShortSha };
            if (Version is not null) tags.Add($"{Version}-{ShortSha}");
            if (Branch is not null && Branch == DefaultBranch) tags.Add(PostureKeys.LatestTag);
            return tags;
        }
    }
}
