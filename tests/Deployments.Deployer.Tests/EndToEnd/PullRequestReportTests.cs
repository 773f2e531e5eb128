using Deployments.Deployer.Tests.GitHub;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// A pull request's whole life through <c>deployer github event</c>, with the fake pulumi and the fake GitHub:
/// exactly one comment that tells the truth at every step, matching deployment statuses, nothing left after close.
/// </summary>
[NonParallelizable]
public class PullRequestReportTests
{
    [Test]
    public void One_comment_edited_in_place_and_deployment_statuses_through_open_push_push_close()
    {
        // Arrange
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        using var github = new FakeGitHubServer();
        github.AddOtherComments(5); // the marker must be found across pages
        cloud.Environment["GITHUB_TOKEN"] = FakeGitHubServer.Token;
        cloud.Environment["GITHUB_API_URL"] = github.Url;
        cloud.Environment["GITHUB_EVENT_NAME"] = "pull_request";
        DeployerRun.Result Event(string payload)
        {
            cloud.Environment["GITHUB_EVENT_PATH"] = payload;
            return cloud.Deployer("github", "event", "--no-verify");
        }
        string Push(char c) => Payloads.Crafted("pull_request.synchronize.payload", p => { p["pull_request"]!["head"]!["ref"] = "changes"; p["pull_request"]!["head"]!["sha"] = new string(c, 40); });

        // Act + Assert, step by step
        Event(Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["head"]!["sha"] = new string('a', 40))).ExitCode.ShouldBe(0);
        var ours = github.Comments.Where(c => c["body"]!.GetValue<string>().Contains("<!-- deployments:preview:preview-changes -->", StringComparison.Ordinal)).ToList();
        ours.Count.ShouldBe(1);
        var body = ours[0]["body"]!.GetValue<string>();
        body.ShouldContain("### ✅ Preview `preview-changes` is up");
        body.ShouldContain("| URL | https://changes.preview.shop.example.com |");
        body.ShouldContain("| Image | `aaaaaaa` |");
        body.ShouldContain("| Migration | runs inside each task before the app starts (sidecar database: its 'migrate' container) |");
        body.ShouldContain("| Estimated cost | $");

        github.RateLimitNext = 1; // the next call is rate limited once: retried after the server's hint
        Event(Push('b')).ExitCode.ShouldBe(0);
        Event(Push('c')).ExitCode.ShouldBe(0);
        github.Comments.Count(c => c["body"]!.GetValue<string>().Contains("deployments:preview:preview-changes", StringComparison.Ordinal)).ShouldBe(1);
        github.Comments.Single(c => c["body"]!.GetValue<string>().Contains("deployments:preview", StringComparison.Ordinal))["body"]!.GetValue<string>().ShouldContain("| Image | `ccccccc` |");
        github.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(4);

        var closed = Event(Payloads.Path_("pull_request.closed.payload"));
        closed.ExitCode.ShouldBe(0, closed.StdErr);
        github.Comments.Single(c => c["body"]!.GetValue<string>().Contains("deployments:preview", StringComparison.Ordinal))["body"]!.GetValue<string>()
            .ShouldContain("### 🗑️ Preview `preview-changes` is gone");
        github.Comments.Count.ShouldBe(6);

        // Deployments: one per deploy, transient, no auto-merge; statuses in order; inactive at the end.
        github.Deployments.Count.ShouldBe(3);
        github.Deployments.ShouldAllBe(d => d["transient_environment"]!.GetValue<bool>() && !d["auto_merge"]!.GetValue<bool>() && d["environment"]!.GetValue<string>() == "preview/preview-changes");
        github.Statuses.Select(s => s.State).ShouldBe(["in_progress", "success", "in_progress", "success", "in_progress", "success", "inactive"]);
        github.Statuses.Where(s => s.State == "success").ShouldAllBe(s => s.Url == "https://changes.preview.shop.example.com");
        cloud.Deployer("preview", "list", "--json").StdOut.Trim().ShouldBe("[]");
    }

    [Test]
    public void A_failed_deploy_says_so_in_the_comment_and_the_deployment()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        using var github = new FakeGitHubServer { DeploymentAnswer = 201 };
        cloud.Environment["GITHUB_TOKEN"] = FakeGitHubServer.Token;
        cloud.Environment["GITHUB_API_URL"] = github.Url;
        cloud.Environment["FAKE_PULUMI_FAIL_ON"] = "service";
        cloud.Environment["GITHUB_ACTIONS"] = "true";

        var result = cloud.Deployer("github", "event", "--no-verify", "--event-name", "pull_request", "--event-path", Payloads.Path_("pull_request.opened.payload"));

        result.ExitCode.ShouldBe(ExitCodes.DeploymentFailed);
        // Workflow commands go with the progress to stderr (the runner reads both streams); stdout stays data.
        result.StdErr.ShouldContain("::group::Deploy preview-changes\n");
        result.StdErr.IndexOf("::endgroup::", StringComparison.Ordinal).ShouldBeLessThan(result.StdErr.IndexOf("::error title=Preview preview-changes failed::the update of 'preview-changes' failed", StringComparison.Ordinal));
        result.StdOut.ShouldNotContain("::");
        github.Comments.Single()["body"]!.GetValue<string>().ShouldContain("### ❌ Preview `preview-changes` failed to deploy");
        github.Comments.Single()["body"]!.GetValue<string>().ShouldContain("injected failure");
        github.Statuses.Select(s => s.State).ShouldBe(["in_progress", "failure"]);
    }

    [Test]
    public void A_refused_deployment_or_a_missing_token_never_fails_the_deploy()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        using var github = new FakeGitHubServer { DeploymentAnswer = 409 };
        cloud.Environment["GITHUB_API_URL"] = github.Url;
        var args = new[] { "github", "event", "--no-verify", "--event-name", "pull_request", "--event-path", Payloads.Path_("pull_request.opened.payload") };

        var withoutToken = cloud.Deployer(args);
        cloud.Environment["GITHUB_TOKEN"] = FakeGitHubServer.Token;
        var refused = cloud.Deployer(args);

        withoutToken.ExitCode.ShouldBe(0, withoutToken.StdErr);
        withoutToken.StdErr.ShouldContain("warning: GITHUB_TOKEN is not set: the pull request comment and the GitHub deployment are skipped");
        refused.ExitCode.ShouldBe(0, refused.StdErr);
        refused.StdErr.ShouldContain("warning: GitHub refused the deployment (merge conflict or failing checks): HTTP 409");
        github.Comments.Count.ShouldBe(1);
    }

    [Test]
    public void An_unreachable_github_is_a_warning_not_a_failed_deploy()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        cloud.Environment["GITHUB_TOKEN"] = FakeGitHubServer.Token;
        cloud.Environment["GITHUB_API_URL"] = "http://127.0.0.1:9/";

        var result = cloud.Deployer("github", "event", "--no-verify", "--event-name", "pull_request", "--event-path", Payloads.Path_("pull_request.opened.payload"));

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain("warning: could not report to GitHub:");
        result.StdOut.Trim().ShouldBe("https://changes.preview.shop.example.com");
    }
}
