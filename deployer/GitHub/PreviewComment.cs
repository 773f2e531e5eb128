using Octokit;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// The one comment per preview stack on its pull request, found again by a hidden marker and edited in place —
/// never a second one. Only a comment written by the token's own identity counts: anyone can paste the marker into a
/// comment of theirs, which must never be taken for ours (and edited). Bodies are cut to GitHub's 65,536-character limit.
/// <paramref name="kind"/> tells comments about the same stack apart: <c>preview</c> (its deploy) or <c>review</c> (<c>env review</c>).
/// </summary>
public sealed class PreviewComment(GitHubClient github, GitHubRepositoryName repository, int pullRequest, string stack, TokenIdentityResolver identity, TextWriter log, string kind = "preview")
{
    public const int MaxBody = 65536;
    /// <summary>At most 50 pages of 100 comments (https://docs.github.com/en/rest/issues/comments#list-issue-comments).</summary>
    private const int MaxPages = 50;
    private const int PageSize = 100;

    public string Marker => $"<!-- deployments:{kind}:{stack} -->";

    /// <summary>Creates or edits the comment; a GitHub failure is reported, never fails the deploy.</summary>
    public async Task UpsertAsync(string markdown, CancellationToken ct)
    {
        var body = Fit($"{Marker}\n{markdown}");
        if (await identity.GetAsync(ct) is not { } us)
        {
            log.WriteLine("warning: GitHub does not say who the token is (GET /user and the GraphQL viewer failed): the pull request comment is skipped, since no comment could be told to be ours");
            return;
        }
        if (await FindAsync(us, ct) is not (true, var existing)) return;
        try
        {
            if (existing is long id) await github.Issue.Comment.Update(repository.Owner, repository.Name, id, body);
            else await github.Issue.Comment.Create(repository.Owner, repository.Name, pullRequest, body);
        }
        catch (ApiException e)
        {
            log.WriteLine($"warning: could not {(existing is null ? "create" : "edit")} the pull request comment: {GitHubErrors.Describe(e)}");
        }
    }

    /// <summary>
    /// Pages one at a time rather than through Octokit's GetAllForIssue, which reads every page first: ours is usually
    /// on the first, and the search stops there. Page URLs are built from the API base, never taken from <c>Link</c>,
    /// which only says whether there is a next page; one on another origin ends the search (the token stays home).
    /// When a page cannot be read, nothing is known (<c>Listed</c> false): writing then could make a second comment.
    /// </summary>
    private async Task<(bool Listed, long? Id)> FindAsync(TokenIdentity us, CancellationToken ct)
    {
        var url = ApiUrls.IssueComments(repository.Owner, repository.Name, pullRequest);
        for (var page = 1; page <= MaxPages; page++)
        {
            IApiResponse<List<IssueComment>> response;
            try
            {
                response = await github.Connection.Get<List<IssueComment>>(url, new Dictionary<string, string>
                {
                    ["per_page"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }, null, ct);
            }
            catch (ApiException e)
            {
                log.WriteLine($"warning: could not list the pull request's comments: {GitHubErrors.Describe(e)}; the comment is not written, so that it stays one");
                return (false, null);
            }
            foreach (var comment in response.Body ?? [])
                if (us.Wrote(comment.User) && comment.Body is { } text && text.Contains(Marker, StringComparison.Ordinal))
                    return (true, comment.Id);
            if (response.HttpResponse.ApiInfo?.GetNextPageUrl() is not { } next) return (true, null);
            if (!GitHubRequestHandler.SameOrigin(next, github.Connection.BaseAddress))
            {
                log.WriteLine($"warning: GitHub's Link header points to another origin than {GitHubRequestHandler.Origin(github.Connection.BaseAddress)}; the next page is not followed, so the token stays with the API");
                return (true, null);
            }
        }
        return (true, null);
    }

    public static string Fit(string body)
    {
        const string cut = "\n\n… (cut to GitHub's comment size limit)";
        return body.Length <= MaxBody ? body : body[..(MaxBody - cut.Length)] + cut;
    }
}
