namespace Deployments.Deployer.GitHub;

/// <summary><c>owner/name</c> (GITHUB_REPOSITORY, or the event's <c>repository.full_name</c>) as Octokit's calls take it.</summary>
public sealed record GitHubRepositoryName(string Owner, string Name)
{
    public static GitHubRepositoryName? TryParse(string? fullName) =>
        fullName?.Split('/') is [{ Length: > 0 } owner, { Length: > 0 } name] ? new(owner, name) : null;
}
