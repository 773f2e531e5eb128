using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// Asks GitHub, once per run, who the token is. <c>GET /user</c> answers for a personal or user token
/// (https://docs.github.com/en/rest/users/users#get-the-authenticated-user); an installation token — a GitHub App's,
/// and Actions' GITHUB_TOKEN — gets 403 "Resource not accessible by integration" there, and <c>GET /app</c> needs the
/// App's JWT, but the GraphQL <c>viewer</c> works with installation tokens and names the App's bot user (e.g.
/// <c>github-actions[bot]</c>; see https://github.com/fullsend-ai/fullsend/pull/1953 and
/// https://github.com/actions/create-github-app-token/issues/258). Failing both, inside Actions the token is taken to be
/// GITHUB_TOKEN, whose comments GitHub attributes to <see cref="TokenIdentity.ActionsBot"/>; elsewhere it is unknown.
/// </summary>
public sealed class TokenIdentityResolver(GitHubApi api, string graphQlPath, bool inActions)
{
    private TokenIdentity? _identity;
    private bool _resolved;

    /// <summary>The GraphQL endpoint relative to the REST base: <c>/graphql</c> on api.github.com, <c>/api/graphql</c>
    /// beside GitHub Enterprise Server's <c>/api/v3</c>.</summary>
    public static string GraphQlPathFor(Uri restBase) =>
        restBase.AbsolutePath.EndsWith("/api/v3/", StringComparison.OrdinalIgnoreCase) ? "../graphql" : "graphql";

    public async Task<TokenIdentity?> GetAsync(CancellationToken ct)
    {
        if (_resolved) return _identity;
        _identity = await ResolveAsync(ct);
        _resolved = true;
        return _identity;
    }

    private async Task<TokenIdentity?> ResolveAsync(CancellationToken ct)
    {
        var user = await api.SendAsync(HttpMethod.Get, "user", null, ct);
        if (GitHubApi.Ok(user) && Text(user.Body, "login") is { } login)
            return new TokenIdentity(login, Text(user.Body, "type") ?? "User");
        var viewer = await api.SendAsync(HttpMethod.Post, graphQlPath, new JsonObject { ["query"] = "query { viewer { login } }" }, ct);
        if (GitHubApi.Ok(viewer) && viewer.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("data", out var data)
            && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("viewer", out var v) && Text(v, "login") is { } bot)
            return TokenIdentity.FromLogin(bot);
        return inActions ? TokenIdentity.FromLogin(TokenIdentity.ActionsBot) : null;
    }

    private static string? Text(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;
}
