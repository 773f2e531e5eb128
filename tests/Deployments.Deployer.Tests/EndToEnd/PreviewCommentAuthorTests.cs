using Deployments.Deployer.Tests.GitHub;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// The preview's comment is found by its marker only among the comments the token itself wrote (issue 10 §2): a marker
/// pasted into someone else's comment is ignored, never edited.
/// </summary>
[NonParallelizable]
public class PreviewCommentAuthorTests
{
    private const string Marker = "<!-- deployments:preview:preview-changes -->";

    private static (FakeCloud Cloud, FakeGitHubServer GitHub) World()
    {
        var cloud = new FakeCloud();
        cloud.DeployStaging();
        var github = new FakeGitHubServer();
        cloud.Environment["GITHUB_TOKEN"] = FakeGitHubServer.Token;
        cloud.Environment["GITHUB_API_URL"] = github.Url;
        cloud.Environment["GITHUB_EVENT_NAME"] = "pull_request";
        return (cloud, github);
    }

    private static DeployerRun.Result Open(FakeCloud cloud, char sha)
    {
        cloud.Environment["GITHUB_EVENT_PATH"] = Payloads.Crafted("pull_request.synchronize.payload", p => p["pull_request"]!["head"]!["sha"] = new string(sha, 40));
        return cloud.Deployer("github", "event", "--no-verify");
    }

    [Test]
    public void A_marker_pasted_into_a_reviewers_comment_is_ignored_and_ours_is_created()
    {
        // Arrange: the installation token of Actions (GET /user is 403; the GraphQL viewer is github-actions[bot]).
        var (cloud, github) = World();
        using var _ = cloud;
        using var __ = github;
        var pasted = github.AddComment($"{Marker}\nclick [here](https://evil.example)", "mallory", "User");
        var impostorBot = github.AddComment($"{Marker}\nlooks like a bot", "github-actions[bot]-lookalike", "User");

        // Act
        var first = Open(cloud, 'a');
        var second = Open(cloud, 'b');

        // Assert
        first.ExitCode.ShouldBe(0, first.StdErr);
        second.ExitCode.ShouldBe(0, second.StdErr);
        pasted["body"]!.GetValue<string>().ShouldBe($"{Marker}\nclick [here](https://evil.example)");
        impostorBot["body"]!.GetValue<string>().ShouldBe($"{Marker}\nlooks like a bot");
        var ours = github.Comments.Where(c => c["user"]!["login"]!.GetValue<string>() == "github-actions[bot]").ToList();
        ours.Count.ShouldBe(1, "created once, then edited in place");
        ours[0]["user"]!["type"]!.GetValue<string>().ShouldBe("Bot");
        ours[0]["body"]!.GetValue<string>().ShouldContain("| Image | `bbbbbbb` |");
        github.Requests.ShouldContain("GET /user");
        github.Requests.ShouldContain("POST /graphql");
    }

    [Test]
    public void With_a_users_token_only_that_users_comments_count()
    {
        // Arrange: a personal token of "deploy-bot"; another workflow's github-actions[bot] comment carries the marker.
        var (cloud, github) = World();
        using var _ = cloud;
        using var __ = github;
        github.UserLogin = "deploy-bot";
        var actions = github.AddComment($"{Marker}\nsomeone else's", "github-actions[bot]", "Bot");

        // Act
        Open(cloud, 'a').ExitCode.ShouldBe(0);

        // Assert
        actions["body"]!.GetValue<string>().ShouldBe($"{Marker}\nsomeone else's");
        github.Comments.Count(c => c["user"]!["login"]!.GetValue<string>() == "deploy-bot").ShouldBe(1);
        github.Requests.ShouldNotContain("POST /graphql");
    }

    [Test]
    public void When_GitHub_does_not_say_who_the_token_is_no_comment_is_touched()
    {
        // Arrange: outside Actions, /user is 403 and the GraphQL viewer fails too.
        var (cloud, github) = World();
        using var _ = cloud;
        using var __ = github;
        github.GraphQlAnswers = false;
        var pasted = github.AddComment($"{Marker}\nmine", "mallory", "User");

        // Act
        var result = Open(cloud, 'a');

        // Assert: the deploy is not failed by it, and nothing was written.
        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain("GitHub does not say who the token is");
        github.Comments.ShouldBe([pasted]);
    }
}
