using Octokit;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// Tells the pull request what happened: its one comment and its GitHub deployment. Without a token it is absent
/// (the caller warns once); a GitHub failure is a warning, never the deploy's failure.
/// </summary>
public sealed class GitHubReporter(PreviewComment comment, PreviewDeployments deployments, TextWriter log) : IDisposable
{
    private GitHubSession? _session;
    private long? _deployment;

    public static GitHubReporter? Create(Func<string, string?> getVariable, string? repository, int pullRequest, string stack, IClock clock, TextWriter log, CancellationToken ct)
    {
        if (getVariable("GITHUB_TOKEN") is not { Length: > 0 } token)
        {
            log.WriteLine("warning: GITHUB_TOKEN is not set: the pull request comment and the GitHub deployment are skipped");
            return null;
        }
        if (GitHubRepositoryName.TryParse(repository) is not { } name) return null;
        var session = GitHubSession.Open(getVariable, token, clock, log, ct);
        var github = session.Client;
        var identity = new TokenIdentityResolver(github, getVariable("GITHUB_ACTIONS") == "true");
        return new GitHubReporter(new PreviewComment(github, name, pullRequest, stack, identity, log), new PreviewDeployments(github, name, stack, log), log) { _session = session };
    }

    public Task DeployingAsync(EventDecision decision, CancellationToken ct) => SafelyAsync(async () =>
    {
        _deployment = await deployments.StartAsync(decision.HeadSha ?? decision.Branch!, $"preview of {decision.Branch}", ct);
        await comment.UpsertAsync(CommentRenderer.Deploying(decision.Stack!, decision), ct);
    }, ct);

    public Task DeployedAsync(Commands.PreviewDeployResult result, EventDecision decision, CancellationToken ct) => SafelyAsync(async () =>
    {
        if (_deployment is long id) await deployments.StatusAsync(id, DeploymentState.Success, "preview is up", result.Url, ct);
        await comment.UpsertAsync(CommentRenderer.Deployed(result, decision), ct);
    }, ct);

    public Task FailedAsync(EventDecision decision, string error, CancellationToken ct) => SafelyAsync(async () =>
    {
        if (_deployment is long id) await deployments.StatusAsync(id, DeploymentState.Failure, "preview failed to deploy", null, ct);
        await comment.UpsertAsync(CommentRenderer.Failed(decision.Stack!, decision, error), ct);
    }, ct);

    /// <summary>Smoke tests failed on a preview that is up: the deployment fails (its URL kept), the comment says why.</summary>
    public Task SmokeTestsFailedAsync(Smoke.SmokeTestsFailedException failed, EventDecision decision, CancellationToken ct) => SafelyAsync(async () =>
    {
        if (_deployment is long id) await deployments.StatusAsync(id, DeploymentState.Failure, "preview is up, its smoke tests failed", failed.Url.ToString(), ct);
        await comment.UpsertAsync(CommentRenderer.SmokeTestsFailed(failed, decision), ct);
    }, ct);

    public Task DestroyedAsync(EventDecision decision, CancellationToken ct) => SafelyAsync(async () =>
    {
        await deployments.DeactivateAsync(ct);
        await comment.UpsertAsync(CommentRenderer.Destroyed(decision.Stack!, decision.Reason), ct);
    }, ct);

    // GitHub being unreachable, refusing or answering nonsense is a warning: telling people must never fail the deploy
    // itself. ApiException is Octokit's every non-2xx answer; SerializationException its unparsable body.
    private async Task SafelyAsync(Func<Task> report, CancellationToken ct)
    {
        try { await report(); }
        catch (Exception e) when (e is ApiException or HttpRequestException or System.Runtime.Serialization.SerializationException
            || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            log.WriteLine($"warning: could not report to GitHub: {(e is ApiException api ? GitHubErrors.Describe(api) : e.Message)}");
        }
    }

    public void Dispose() => _session?.Dispose();
}
