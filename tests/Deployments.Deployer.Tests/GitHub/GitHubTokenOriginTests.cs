using Deployments.Deployer.GitHub;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary>The GitHub token goes to the API origin only: a <c>Link</c> header naming another origin is not followed.</summary>
public class GitHubTokenOriginTests
{
    [Test]
    public async Task A_next_page_on_another_origin_gets_no_request()
    {
        // Arrange: our API lists comments two per page, and its Link sends the next page to another server.
        using var github = new FakeGitHubServer();
        using var elsewhere = new FakeGitHubServer();
        github.AddOtherComments(5);
        github.NextPageOrigin = elsewhere.Url;
        using var http = new HttpClient();
        var log = new StringWriter();
        var api = new GitHubApi(http, new Uri(github.Url), FakeGitHubServer.Token, new VirtualClock(), log);

        // Act
        await new PreviewComment(api, "octo/app", 7, "preview-x", new TokenIdentityResolver(api, "graphql", inActions: false), log).UpsertAsync("hello", CancellationToken.None);

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
        using var http = new HttpClient();
        var api = new GitHubApi(http, new Uri(github.Url), FakeGitHubServer.Token, new VirtualClock(), TextWriter.Null);

        await Should.ThrowAsync<InvalidOperationException>(() => api.SendAsync(HttpMethod.Get, elsewhere.Url + "repos/octo/app", null, CancellationToken.None));

        elsewhere.Requests.ShouldBeEmpty();
    }
}
