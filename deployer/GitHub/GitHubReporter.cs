namespace Deployments.Deployer.GitHub;

/// <summary>
/// Tells the pull request what happened: its one comment and its GitHub deployment. Without a token it is absent
/// (the caller warns once); a GitHub failure is a warning, never the deploy's failure.
/// </summary>
public sealed class GitHubReporter(PreviewComment comment, PreviewDeployments deployments, TextWriter log) : IDisposable
{
    private HttpClient? _http;
    private long? _deployment;

    public static GitHubReporter? Create(Func<string, string?> getVariable, string? repository, int pullRequest, string stack, IClock clock, TextWriter log)
    {
        if (getVariable("GITHUB_TOKEN") is not { Length: > 0 } token)
        {
            log.WriteLine("warning: GITHUB_TOKEN is not set: the pull request comment and the GitHub deployment are skipped");
            return null;
        }
        if (repository is null) return null;
        var baseUrl = new Uri((getVariable("GITHUB_API_URL") is { Length: > 0 } url ? url : "https://api.github.com").TrimEnd('/') + "/");
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var api = new GitHubApi(http, baseUrl, token, clock, log);
        var identity = new TokenIdentityResolver(api, TokenIdentityResolver.GraphQlPathFor(baseUrl), getVariable("GITHUB_ACTIONS") == "true");
        return new GitHubReporter(new PreviewComment(api, repository, pullRequest, stack, identity, log), new PreviewDeployments(api, repository, stack, log), log) { _http = http };
    }

    public Task DeployingAsync(EventDecision decision, CancellationToken ct) => SafelyAsync(async () =>
    {
        _deployment = await deployments.StartAsync(decision.HeadSha ?? decision.Branch!, $"preview of {decision.Branch}", ct);
        await comment.UpsertAsync(CommentRenderer.Deploying(decision.Stack!, decision), ct);
    }, ct);

    public Task DeployedAsync(Commands.PreviewDeployResult result, EventDecision decision, CancellationToken ct) => SafelyAsync(async () =>
    {
        if (_deployment is long id) await deployments.StatusAsync(id, "success", "preview is up", result.Url, ct);
        await comment.UpsertAsync(CommentRenderer.Deployed(result, decision), ct);
    }, ct);

    public Task FailedAsync(EventDecision decision, string error, CancellationToken ct) => SafelyAsync(async () =>
    {
        if (_deployment is long id) await deployments.StatusAsync(id, "failure", "preview failed to deploy", null, ct);
        await comment.UpsertAsync(CommentRenderer.Failed(decision.Stack!, decision, error), ct);
    }, ct);

    public Task DestroyedAsync(EventDecision decision, CancellationToken ct) => SafelyAsync(async () =>
    {
        await deployments.DeactivateAsync(ct);
        await comment.UpsertAsync(CommentRenderer.Destroyed(decision.Stack!, decision.Reason), ct);
    }, ct);

    // GitHub being unreachable is a warning: telling people must never fail the deploy itself.
    private async Task SafelyAsync(Func<Task> report, CancellationToken ct)
    {
        try { await report(); }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            log.WriteLine($"warning: could not report to GitHub: {e.Message}");
        }
    }

    public void Dispose() => _http?.Dispose();
}
