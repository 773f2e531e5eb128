using Deployments.Deployer.GitHub;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary>GitHub answers that are not what we asked for: each is a warning, and nothing is written on a guess.</summary>
public class GitHubAnswerTests
{
    private static (Octokit.GitHubClient Client, IDisposable Http) Client(FakeGitHubServer github, TextWriter log)
    {
        var apiBase = GitHubClientFactory.ApiBase(github.Url);
        var http = GitHubClientFactory.Http(apiBase, new VirtualClock(), log, CancellationToken.None);
        return (GitHubClientFactory.Create(apiBase, FakeGitHubServer.Token, http), http);
    }

    [Test]
    public async Task When_the_comments_cannot_be_listed_no_second_comment_is_created()
    {
        // Arrange: our comment exists, but listing the comments fails.
        using var github = new FakeGitHubServer { CommentListAnswer = 500 };
        var log = new StringWriter();
        var (client, http) = Client(github, log);
        using var _ = http;
        var comment = new PreviewComment(client, new GitHubRepositoryName("octo", "app"), 7, "preview-x", new TokenIdentityResolver(client, inActions: true), log);
        github.AddComment($"{comment.Marker}\nold", TokenIdentity.ActionsBot, "Bot");

        // Act
        await comment.UpsertAsync("new", CancellationToken.None);

        // Assert: a warning, and still exactly one comment, untouched.
        log.ToString().ShouldContain("warning: could not list the pull request's comments: HTTP 500");
        github.Comments.Count.ShouldBe(1);
        github.Requests.ShouldNotContain("POST /repos/octo/app/issues/7/comments");
    }

    [Test]
    public async Task A_202_creates_no_deployment_and_sets_no_status()
    {
        using var github = new FakeGitHubServer { DeploymentAnswer = 202 };
        var log = new StringWriter();
        var (client, http) = Client(github, log);
        using var _ = http;

        var id = await new PreviewDeployments(client, new GitHubRepositoryName("octo", "app"), "preview-x", log).StartAsync("abc", "preview of x", CancellationToken.None);

        id.ShouldBeNull();
        log.ToString().ShouldContain("warning: GitHub did not create a deployment (it merged the base branch instead): HTTP 202");
        github.Statuses.ShouldBeEmpty();
    }
}
