using Octokit;
using Octokit.Internal;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// An Octokit client for one command's calls, with the transport it owns: the REST base from <c>GITHUB_API_URL</c>
/// (<see cref="GitHubClientFactory.ApiBase"/>), the bearer token, every request through <see cref="GitHubRequestHandler"/>
/// bounded by <c>ct</c>. Disposing it disposes the transport.
/// </summary>
public sealed class GitHubSession : IDisposable
{
    private readonly HttpClientAdapter _http;

    private GitHubSession(GitHubClient client, HttpClientAdapter http) => (Client, _http) = (client, http);

    public GitHubClient Client { get; }

    /// <exception cref="Errors.UserInputException"><c>GITHUB_API_URL</c> is not an http(s) URL.</exception>
    public static GitHubSession Open(Func<string, string?> getVariable, string token, IClock clock, TextWriter log, CancellationToken ct)
    {
        var apiBase = GitHubClientFactory.ApiBase(getVariable("GITHUB_API_URL"));
        var http = GitHubClientFactory.Http(apiBase, clock, log, ct);
        return new GitHubSession(GitHubClientFactory.Create(apiBase, token, http), http);
    }

    public void Dispose() => _http.Dispose();
}
