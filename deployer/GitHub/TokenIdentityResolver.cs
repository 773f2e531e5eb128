using Octokit;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// Asks GitHub, once per run, who the token is. <c>GET /user</c> answers for a personal or user token
/// (https://docs.github.com/en/rest/users/users#get-the-authenticated-user); an installation token — a GitHub App's,
/// and Actions' GITHUB_TOKEN — gets 403 "Resource not accessible by integration" there, and <c>GET /app</c> needs the
/// App's JWT, but the GraphQL <c>viewer</c> works with installation tokens and names the App's bot user (e.g.
/// <c>github-actions[bot]</c>; see https://github.com/fullsend-ai/fullsend/pull/1953 and
/// https://github.com/actions/create-github-app-token/issues/258). Failing both, inside Actions the token is taken to be
/// GITHUB_TOKEN, whose comments GitHub attributes to <see cref="TokenIdentity.ActionsBot"/>; elsewhere it is unknown.
/// Octokit has no GraphQL client (that is the separate Octokit.GraphQL), so the query is a plain POST on its connection,
/// parsed as SimpleJson's untyped objects.
/// </summary>
public sealed class TokenIdentityResolver(GitHubClient github, bool inActions)
{
    private const string ViewerQuery = "query { viewer { login } }";
    private TokenIdentity? _identity;
    private bool _resolved;

    /// <summary>The GraphQL endpoint relative to the REST base: <c>/graphql</c> on api.github.com, <c>/api/graphql</c>
    /// beside GitHub Enterprise Server's <c>/api/v3</c> (https://docs.github.com/en/enterprise-server@latest/graphql/guides/forming-calls-with-graphql).</summary>
    public static Uri GraphQlPathFor(Uri restBase) =>
        new(restBase.AbsolutePath.EndsWith("/api/v3/", StringComparison.OrdinalIgnoreCase) ? "../graphql" : "graphql", UriKind.Relative);

    public async Task<TokenIdentity?> GetAsync(CancellationToken ct)
    {
        if (_resolved) return _identity;
        _identity = await ResolveAsync(ct);
        _resolved = true;
        return _identity;
    }

    private async Task<TokenIdentity?> ResolveAsync(CancellationToken ct)
    {
        try
        {
            var user = await github.User.Current();
            if (user is { Login: { Length: > 0 } login }) return new TokenIdentity(login, user.Type ?? AccountType.User);
        }
        catch (ApiException) { }
        try
        {
            var viewer = await github.Connection.Post<object>(GraphQlPathFor(github.Connection.BaseAddress),
                new Dictionary<string, string> { ["query"] = ViewerQuery }, "application/json", "application/json", parameters: null, ct);
            if (Field(Field(Field(viewer.Body, "data"), "viewer"), "login") is string { Length: > 0 } bot) return TokenIdentity.FromLogin(bot);
        }
        catch (ApiException) { }
        return inActions ? TokenIdentity.FromLogin(TokenIdentity.ActionsBot) : null;
    }

    private static object? Field(object? node, string name) =>
        node is IDictionary<string, object> map && map.TryGetValue(name, out var value) ? value : null;
}
