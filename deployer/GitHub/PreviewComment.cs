using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// The one comment per preview stack on its pull request, found again by a hidden marker and edited in place —
/// never a second one. Only a comment written by the token's own identity counts: anyone can paste the marker into a
/// comment of theirs, which must never be taken for ours (and edited). Bodies are cut to GitHub's 65,536-character limit.
/// </summary>
public sealed class PreviewComment(GitHubApi api, string repository, int pullRequest, string stack, TokenIdentityResolver identity, TextWriter log)
{
    public const int MaxBody = 65536;

    public string Marker => $"<!-- deployments:preview:{stack} -->";

    /// <summary>Creates or edits the comment; a GitHub failure is reported, never fails the deploy.</summary>
    public async Task UpsertAsync(string markdown, CancellationToken ct)
    {
        var body = Fit($"{Marker}\n{markdown}");
        if (await identity.GetAsync(ct) is not { } us)
        {
            log.WriteLine("warning: GitHub does not say who the token is (GET /user and the GraphQL viewer failed): the pull request comment is skipped, since no comment could be told to be ours");
            return;
        }
        var existing = await FindAsync(us, ct);
        var response = existing is long id
            ? await api.SendAsync(HttpMethod.Patch, $"repos/{repository}/issues/comments/{id}", new JsonObject { ["body"] = body }, ct)
            : await api.SendAsync(HttpMethod.Post, $"repos/{repository}/issues/{pullRequest}/comments", new JsonObject { ["body"] = body }, ct);
        if (!GitHubApi.Ok(response)) log.WriteLine($"warning: could not {(existing is null ? "create" : "edit")} the pull request comment: {GitHubApi.Describe(response)}");
    }

    private async Task<long?> FindAsync(TokenIdentity us, CancellationToken ct)
    {
        string? page = $"repos/{repository}/issues/{pullRequest}/comments?per_page=100";
        for (var pages = 0; page is not null && pages < 50; pages++)
        {
            var response = await api.SendAsync(HttpMethod.Get, page, null, ct);
            if (!GitHubApi.Ok(response) || response.Body is not { ValueKind: JsonValueKind.Array } comments) return null;
            foreach (var comment in comments.EnumerateArray())
                if (us.Wrote(comment) && comment.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String
                    && b.GetString()!.Contains(Marker, StringComparison.Ordinal))
                    return comment.GetProperty("id").GetInt64();
            page = response.NextPage;
        }
        return null;
    }

    private static string Fit(string body)
    {
        const string cut = "\n\n… (cut to GitHub's comment size limit)";
        return body.Length <= MaxBody ? body : body[..(MaxBody - cut.Length)] + cut;
    }
}
