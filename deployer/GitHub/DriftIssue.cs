using System.Globalization;
using Octokit;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// The one open issue per environment that says it has drifted: opened when drift appears, its body edited on every
/// run while it lasts (no comment, no second issue), closed with one short comment when it is gone. It is found again
/// by a hidden marker in its body among the open issues carrying <see cref="Label"/>, so a renamed issue is still
/// found (its title is then left as the people who renamed it want it). Only an issue the token's own identity opened
/// counts: anyone can open an issue with the label and the marker, and such an issue is never edited, closed or trusted.
/// </summary>
public sealed class DriftIssue(GitHubClient github, GitHubRepositoryName repository, string stack, TokenIdentityResolver identity, TextWriter log)
{
    public const string Label = "drift";
    /// <summary>At most 10 pages of 100 open issues with the label (https://docs.github.com/en/rest/issues/issues#list-repository-issues).</summary>
    private const int MaxPages = 10;
    private const int PageSize = 100;

    public string Marker => $"<!-- deployments:drift:{stack} -->";

    /// <summary>
    /// Brings the issue in line with this run: <paramref name="drift"/> (title and Markdown body) opens or edits it,
    /// null closes an open one with <paramref name="closing"/> and otherwise does nothing. A GitHub failure is a warning.
    /// </summary>
    public async Task<DriftIssueOutcome> SyncAsync((string Title, string Body)? drift, string closing, CancellationToken ct)
    {
        if (await identity.GetAsync(ct) is not { } us)
        {
            log.WriteLine("warning: GitHub does not say who the token is (GET /user and the GraphQL viewer failed): the drift issue is left alone, since no issue could be told to be ours");
            return DriftIssueOutcome.Skipped;
        }
        if (await FindAsync(us, ct) is not (true, var existing)) return DriftIssueOutcome.Skipped;
        try
        {
            if (drift is { } d)
            {
                var body = PreviewComment.Fit($"{Marker}\n{d.Body}");
                if (existing is int number)
                {
                    await github.Connection.Patch<Issue>(ApiUrls.Issue(repository.Owner, repository.Name, number), new Dictionary<string, string> { ["body"] = body });
                    return Report(DriftIssueOutcome.Edited, number);
                }
                // Only the fields we set: Octokit's NewIssue/IssueUpdate would also send others (a null milestone clears one).
                var created = await github.Connection.Post<Issue>(ApiUrls.Issues(repository.Owner, repository.Name),
                    new Dictionary<string, object> { ["title"] = d.Title, ["body"] = body, ["labels"] = new[] { Label } }, "application/vnd.github+json", "application/json");
                if (created.Body?.Labels?.Any(l => l.Name == Label) != true)
                    log.WriteLine($"warning: GitHub created the drift issue without the label '{Label}' (the token may not set labels): give it 'issues: write', or the next run cannot find the issue");
                return Report(DriftIssueOutcome.Opened, created.Body?.Number);
            }
            if (existing is not int open) return DriftIssueOutcome.None;
            await github.Issue.Comment.Create(repository.Owner, repository.Name, open, closing);
            await github.Connection.Patch<Issue>(ApiUrls.Issue(repository.Owner, repository.Name, open),
                new Dictionary<string, string> { ["state"] = "closed", ["state_reason"] = "completed" });
            return Report(DriftIssueOutcome.Closed, open);
        }
        catch (ApiException e)
        {
            log.WriteLine($"warning: could not {(drift is null ? "close" : existing is null ? "open" : "edit")} the drift issue: {GitHubErrors.Describe(e)}");
            return DriftIssueOutcome.Skipped;
        }
    }

    private DriftIssueOutcome Report(DriftIssueOutcome outcome, int? number)
    {
        log.WriteLine($"drift issue{(number is int n ? $" #{n.ToString(CultureInfo.InvariantCulture)}" : "")} {outcome.ToString().ToLowerInvariant()} in {repository.Owner}/{repository.Name}");
        return outcome;
    }

    /// <summary>
    /// Pages one at a time (ours is usually on the first), page URLs built from the API base and never taken from
    /// <c>Link</c>, which only says whether there is a next page; one on another origin ends the search. When a page
    /// cannot be read nothing is known (<c>Listed</c> false): opening one then could make a second issue.
    /// </summary>
    private async Task<(bool Listed, int? Number)> FindAsync(TokenIdentity us, CancellationToken ct)
    {
        var url = ApiUrls.Issues(repository.Owner, repository.Name);
        for (var page = 1; page <= MaxPages; page++)
        {
            IApiResponse<List<Issue>> response;
            try
            {
                response = await github.Connection.Get<List<Issue>>(url, new Dictionary<string, string>
                {
                    ["state"] = "open",
                    ["labels"] = Label,
                    ["per_page"] = PageSize.ToString(CultureInfo.InvariantCulture),
                    ["page"] = page.ToString(CultureInfo.InvariantCulture),
                }, null, ct);
            }
            catch (ApiException e)
            {
                log.WriteLine($"warning: could not list the repository's open issues: {GitHubErrors.Describe(e)}; the drift issue is not written, so that it stays one");
                return (false, null);
            }
            foreach (var issue in response.Body ?? [])
                // The issues list has pull requests too (https://docs.github.com/en/rest/issues/issues#list-repository-issues).
                if (issue.PullRequest is null && us.Wrote(issue.User) && issue.Body is { } text && text.Contains(Marker, StringComparison.Ordinal))
                    return (true, issue.Number);
            if (response.HttpResponse.ApiInfo?.GetNextPageUrl() is not { } next) return (true, null);
            if (!GitHubRequestHandler.SameOrigin(next, github.Connection.BaseAddress))
            {
                log.WriteLine($"warning: GitHub's Link header points to another origin than {GitHubRequestHandler.Origin(github.Connection.BaseAddress)}; the next page is not followed, so the token stays with the API");
                return (true, null);
            }
        }
        return (true, null);
    }
}
