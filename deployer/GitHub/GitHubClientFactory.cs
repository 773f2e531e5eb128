using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using Deployments.Deployer.Errors;
using Octokit;
using Octokit.Internal;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// The Octokit client (https://github.com/octokit/octokit.net) the deployer talks to GitHub with: the REST base from
/// <c>GITHUB_API_URL</c>, a bearer token, every request through <see cref="GitHubRequestHandler"/>.
/// </summary>
public static class GitHubClientFactory
{
    public const string DefaultApiUrl = "https://api.github.com";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The REST base exactly as <c>GITHUB_API_URL</c> gives it — <c>https://api.github.com</c>, GitHub Enterprise Server's
    /// <c>https://HOST/api/v3</c>, GHE.com's <c>https://api.SUBDOMAIN.ghe.com</c>
    /// (https://docs.github.com/en/actions/reference/workflows-and-actions/variables) — with a final slash so that
    /// relative paths resolve under it. Octokit's <c>GitHubClient(…, Uri)</c> is not used: it replaces the path of any
    /// host but github.com with <c>/api/v3/</c>, which is wrong for GHE.com.
    /// </summary>
    public static Uri ApiBase(string? githubApiUrl)
    {
        var text = githubApiUrl is { Length: > 0 } ? githubApiUrl : DefaultApiUrl;
        if (!Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            throw new UserInputException("GITHUB_API_URL is not an http(s) URL: set it to the REST API's root, e.g. https://api.github.com or https://HOST/api/v3 for GitHub Enterprise Server");
        return url;
    }

    /// <summary>
    /// Octokit deserializes with reflection (SimpleJson). Under Native AOT the deployer roots the Octokit assembly
    /// (<c>TrimmerRootAssembly</c> in the project file), which keeps every model's properties, but a generic type over a
    /// value type, or one no compiled code names, has no constructor to call by reflection unless something asks for
    /// it: these are the ones the models below reach (a test walks them and checks this list). Without them an issue
    /// comment (<c>author_association</c>), a deployment (<c>payload</c>), a status or an issue (<c>state</c>) fails to parse.
    /// </summary>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(StringEnum<AuthorAssociation>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(StringEnum<DeploymentState>))]
    // The drift issue (an Issue reaches its pull request's and milestone's and assignee teams' enums).
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(StringEnum<ItemState>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(StringEnum<ItemStateReason>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(StringEnum<LockReason>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(StringEnum<MergeableState>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(StringEnum<TeamPrivacy>))]
    // Who approved the run, for the release notice.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(StringEnum<EnvironmentApprovalState>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(Dictionary<string, string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(ReadOnlyDictionary<string, string>))]
    public static GitHubClient Create(Uri apiBase, string token, IHttpClient http)
    {
        var connection = new Connection(new ProductHeaderValue("deployments"), apiBase,
            new InMemoryCredentialStore(new Credentials(token, AuthenticationType.Bearer)), http, new SimpleJsonSerializer());
        connection.SetRequestTimeout(RequestTimeout);
        return new GitHubClient(connection);
    }

    /// <summary>The transport: Octokit's adapter (which also drops the token on a cross-host redirect) over our handler.
    /// The caller disposes it.</summary>
    public static HttpClientAdapter Http(Uri apiBase, IClock clock, TextWriter log, CancellationToken ct) =>
        new(() => new GitHubRequestHandler(apiBase, clock, log, ct) { InnerHandler = new HttpClientHandler() });

    /// <summary>The models read from GitHub's answers, for the test that keeps the list above complete.</summary>
    public static readonly IReadOnlyList<Type> Models = [typeof(IssueComment), typeof(User), typeof(Deployment), typeof(DeploymentStatus), typeof(Issue), typeof(EnvironmentApprovals)];
}
