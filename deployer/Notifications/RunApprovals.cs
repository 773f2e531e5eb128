using System.Globalization;
using Deployments.Deployer.Errors;
using Deployments.Deployer.GitHub;
using Octokit;

namespace Deployments.Deployer.Notifications;

/// <summary>
/// Who approved this Actions run's protected-environment jobs: the run's review history
/// (<c>GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals</c>,
/// https://docs.github.com/en/rest/actions/workflow-runs#get-the-review-history-for-a-workflow-run; the workflow's token
/// needs <c>actions: read</c>), the logins of the <c>approved</c> reviews in GitHub's order. Only for the notice: outside
/// Actions, without a token, or when GitHub does not answer within <see cref="Timeout"/>, it is null and the notice says
/// nothing of approvals (a failure is a warning, never the release's).
/// </summary>
public sealed class RunApprovals(Func<string, string?> getVariable, IClock clock, TextWriter log)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<string>?> ReadAsync(CancellationToken ct)
    {
        if (getVariable("GITHUB_TOKEN") is not { Length: > 0 } token
            || GitHubRepositoryName.TryParse(getVariable("GITHUB_REPOSITORY")) is not { } repository
            || !long.TryParse(getVariable("GITHUB_RUN_ID"), NumberStyles.None, CultureInfo.InvariantCulture, out var run))
            return null;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Timeout);
        try
        {
            using var github = GitHubSession.Open(getVariable, token, clock, log, limit.Token);
            var history = await github.Client.Actions.Workflows.Runs.GetReviewHistory(repository.Owner, repository.Name, run);
            return history
                .Where(review => review.State.TryParse(out var state) && state == EnvironmentApprovalState.Approved)
                .Select(review => review.User?.Login).OfType<string>().Where(ReleaseNoticeFactory.IsLogin)
                .Distinct(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is ApiException or HttpRequestException or OperationCanceledException or UserInputException)
        {
            var why = e is ApiException { StatusCode: System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound }
                ? "the token may not read it (the workflow needs permissions actions: read)" : "GitHub did not answer";
            log.WriteLine($"warning: who approved the run is not in the notice: its review history could not be read ({why})");
            return null;
        }
    }
}
