using Deployments.Deployer.GitHub;
using Deployments.Deployer.Tests.TestSupport;
using Octokit;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary>The GitHub token goes to the API origin only: a <c>Link</c> header naming another origin is not followed.</summary>
public class GitHubTokenOriginTests
{
    private static (GitHubClient Client, IDisposable Http) Client(FakeGitHubServer github, TextWriter log)
    {
        var apiBase = GitHubClientFactory.ApiBase(github.Url);
        var http = GitHubClientFactory.Http(apiBase, new VirtualClock(), log, CancellationToken.None);
        return (GitHubClientFactory.Create(apiBase, FakeGitHubServer.Token, http), http);
    }

    [Test]
    public async Task A_next_page_on_another_origin_gets_no_request()
    {
        // Arrange: our API lists comments two per page, and its Link sends the next page to another server.
        using var github = new FakeGitHubServer();
        using var elsewhere = new FakeGitHubServer();
        github.AddOtherComments(5);
        github.NextPageOrigin = elsewhere.Url;
        var log = new StringWriter();
        var (client, http) = Client(github, log);
        using var _ = http;

        // Act
        await new PreviewComment(client, new GitHubRepositoryName("octo", "app"), 7, "preview-x", new TokenIdentityResolver(client, inActions: false), log).UpsertAsync("hello", CancellationToken.None);

        // Assert: the other origin saw nothing; we said why we stopped; the comment was still written on ours.
        elsewhere.Requests.ShouldBeEmpty();
        log.ToString().ShouldContain("points to another origin");
        github.Requests.ShouldContain("POST /repos/octo/app/issues/7/comments");
    }

    [Test]
    public async Task An_absolute_url_on_another_origin_is_never_sent()
    {
        using var github = new FakeGitHubServer();
        using var elsewhere = new FakeGitHubServer();
        var (client, http) = Client(github, TextWriter.Null);
        using var _ = http;

        await Should.ThrowAsync<HttpRequestException>(() => client.Connection.Get<object>(new Uri(elsewhere.Url + "repos/octo/app"), null));

        elsewhere.Requests.ShouldBeEmpty();
    }
}
