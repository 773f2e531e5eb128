using Deployments.Deployer.Tests.GitHub;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>A pull request's life through <c>deployer github event</c>, with the fake pulumi: open, push, push, close.</summary>
[NonParallelizable]
public class PullRequestLifeTests
{
    [Test]
    public void Open_push_push_close_leaves_nothing_behind()
    {
        // Arrange
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        var output = Path.Combine(cloud.Root, "github-output");
        var summary = Path.Combine(cloud.Root, "step-summary");
        cloud.Environment["GITHUB_OUTPUT"] = output;
        cloud.Environment["GITHUB_STEP_SUMMARY"] = summary;
        cloud.Environment["GITHUB_EVENT_NAME"] = "pull_request";
        DeployerRun.Result Event(string payload)
        {
            cloud.Environment["GITHUB_EVENT_PATH"] = payload;
            return cloud.Deployer("github", "event", "--no-verify");
        }
        string Sha(char c) => new(c, 40);

        // Act
        var opened = Event(Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["head"]!["sha"] = Sha('a')));
        var pushed = Event(Payloads.Crafted("pull_request.synchronize.payload", p => { p["pull_request"]!["head"]!["ref"] = "changes"; p["pull_request"]!["head"]!["sha"] = Sha('b'); }));
        var pushedAgain = Event(Payloads.Crafted("pull_request.synchronize.payload", p => { p["pull_request"]!["head"]!["ref"] = "changes"; p["pull_request"]!["head"]!["sha"] = Sha('c'); }));
        var status = cloud.Deployer("status", "--stack", "preview-changes", "--json");
        var closed = Event(Payloads.Path_("pull_request.closed.payload"));
        var closedAgain = Event(Payloads.Path_("pull_request.closed.payload"));

        // Assert
        foreach (var r in new[] { opened, pushed, pushedAgain, closed, closedAgain }) r.ExitCode.ShouldBe(0, r.StdErr);
        opened.StdOut.Trim().ShouldBe("https://changes.preview.shop.example.com");
        status.StdOut.ShouldContain("\"imageTag\":\"ccccccc\"");
        closed.StdOut.Trim().ShouldBe("destroyed preview-changes");
        closedAgain.StdOut.Trim().ShouldBe("nothing to destroy: preview-changes does not exist");
        File.ReadAllText(output).ShouldContain("url=https://changes.preview.shop.example.com\nstack=preview-changes\n");
        File.ReadAllText(summary).ShouldContain("### Preview `preview-changes` destroyed");
        cloud.Deployer("preview", "list", "--json").StdOut.Trim().ShouldBe("[]");
    }
}
