namespace Deployments.Deployer.GitHub;

/// <summary>
/// The one comment per environment <c>env review</c> keeps on its pull request (marker
/// <c>&lt;!-- deployments:review:ENV --&gt;</c>), written through the preview comment's machinery: found among the
/// token's own comments and edited in place. Without a token it is absent (the caller warns); GitHub failures are warnings.
/// </summary>
public sealed class ReviewComments(Octokit.GitHubClient github, GitHubRepositoryName repository, int pullRequest, TokenIdentityResolver identity, TextWriter log) : IDisposable
{
    private GitHubSession? _session;

    public static ReviewComments? Create(Func<string, string?> getVariable, string? repository, int pullRequest, IClock clock, TextWriter log, CancellationToken ct)
    {
        if (getVariable("GITHUB_TOKEN") is not { Length: > 0 } token)
        {
            log.WriteLine("warning: GITHUB_TOKEN is not set: the review comments are skipped");
            return null;
        }
        if (GitHubRepositoryName.TryParse(repository) is not { } name)
        {
            log.WriteLine("warning: GITHUB_REPOSITORY is not OWNER/REPO: the review comments are skipped");
            return null;
        }
        var session = GitHubSession.Open(getVariable, token, clock, log, ct);
        var github = session.Client;
        return new ReviewComments(github, name, pullRequest, new TokenIdentityResolver(github, getVariable("GITHUB_ACTIONS") == "true"), log) { _session = session };
    }

    public async Task UpsertAsync(string environment, string markdown, CancellationToken ct)
    {
        try { await new PreviewComment(github, repository, pullRequest, environment, identity, log, "review").UpsertAsync(markdown, ct); }
        catch (Exception e) when (e is Octokit.ApiException or HttpRequestException or System.Runtime.Serialization.SerializationException
            || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            log.WriteLine($"warning: could not write the review comment of {environment}: {(e is Octokit.ApiException api ? GitHubErrors.Describe(api) : e.Message)}");
        }
    }

    public void Dispose() => _session?.Dispose();
}
