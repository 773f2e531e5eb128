namespace Deployments.Deployer.GitHub;

/// <summary>
/// The page of this Actions run, from the runner's default variables
/// (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables):
/// GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID. Only from well-formed values (an http(s) server, an
/// owner and name of GitHub's characters, a run id of digits); otherwise null, so nothing odd reaches a link.
/// </summary>
public static class ActionsRunLink
{
    public static string? From(Func<string, string?> getVariable)
    {
        if (!Uri.TryCreate(getVariable("GITHUB_SERVER_URL"), UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http")
            || GitHubRepositoryName.TryParse(getVariable("GITHUB_REPOSITORY")) is not { } repository
            || getVariable("GITHUB_RUN_ID") is not { Length: > 0 and <= 20 } run || !run.All(char.IsAsciiDigit)
            || !repository.Owner.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || !repository.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            return null;
        return $"{server.GetLeftPart(UriPartial.Authority)}/{repository.Owner}/{repository.Name}/actions/runs/{run}";
    }
}
