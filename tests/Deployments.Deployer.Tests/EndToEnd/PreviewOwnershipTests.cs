using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.GitHub;
using Deployments.Deployer.Tests.TestSupport;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// A preview is owned by its pull request (issue 10 §2): a fork's branch never shares the stack of this repository's
/// branch of the same name, and one pull request's events never deploy into or destroy another's preview.
/// </summary>
[NonParallelizable]
public class PreviewOwnershipTests
{
    // The real payloads: pull request #2 of Codertocat/Hello-World, head branch "changes" in the same repository.
    private const string Stack = "preview-changes";
    private static readonly string ForkStack = "preview-stranger-hello-world-changes-" + NameHash.Of("stranger/hello-world:changes");

    private static string Payload(string name, int number, string? fork = null) => Payloads.Crafted(name, p =>
    {
        p["number"] = number;
        p["pull_request"]!["number"] = number;
        if (fork is not null) p["pull_request"]!["head"]!["repo"]!["full_name"] = fork;
    });

    private static DeployerRun.Result Event(FakeCloud cloud, string payload, params string[] extra)
    {
        cloud.Environment["GITHUB_EVENT_NAME"] = "pull_request";
        cloud.Environment["GITHUB_EVENT_PATH"] = payload;
        return cloud.Deployer(["github", "event", "--no-verify", .. extra]);
    }

    private static string? Config(FakeCloud cloud, string stack, string key)
    {
        var (code, stdout, _) = cloud.Pulumi("config", "--json", "--stack", stack, "--non-interactive");
        code.ShouldBe(0);
        return JsonNode.Parse(stdout)![$"deployments:{key}"]?["value"]?.GetValue<string>();
    }

    private static string Status(FakeCloud cloud, string stack)
    {
        var status = cloud.Deployer("status", "--stack", stack, "--json");
        status.ExitCode.ShouldBe(0, status.StdErr);
        return JsonNode.Parse(status.StdOut)!["imageTag"]!.GetValue<string>();
    }

    [Test]
    public void Another_pull_request_of_the_same_branch_can_neither_deploy_into_nor_destroy_the_preview()
    {
        // Arrange: #2 deploys its preview and is recorded as its owner.
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        var opened = Event(cloud, Payload("pull_request.opened.payload", 2));
        opened.ExitCode.ShouldBe(0, opened.StdErr);
        Config(cloud, Stack, "ownerPullRequest").ShouldBe("2");
        var image = Status(cloud, Stack);
        // The next events run on a fresh runner: no local Pulumi.<stack>.yaml, only the backend knows the owner.
        File.Delete(Path.Combine(cloud.Project, $"Pulumi.{Stack}.yaml"));

        // Act: #3, from the same branch, opens (with another commit) and closes while #2's preview exists.
        var intruder = Event(cloud, Payloads.Crafted("pull_request.opened.payload", p =>
        {
            p["number"] = 3;
            p["pull_request"]!["head"]!["sha"] = new string('f', 40);
        }));
        var intruderClose = Event(cloud, Payload("pull_request.closed.payload", 3));

        // Assert: both refused with the reason, and #2's preview is untouched.
        intruder.ExitCode.ShouldBe(ExitCodes.UserError, intruder.StdErr);
        intruder.StdErr.ShouldContain("preview 'preview-changes' belongs to pull request #2, not #3");
        intruderClose.ExitCode.ShouldBe(ExitCodes.UserError, intruderClose.StdErr);
        intruderClose.StdErr.ShouldContain("belongs to pull request #2, not #3: it was not destroyed");
        Status(cloud, Stack).ShouldBe(image);
        cloud.Calls.ShouldNotContain(c => c.StartsWith("config set-all", StringComparison.Ordinal) && c.Contains("ownerPullRequest=3", StringComparison.Ordinal));

        // Act / Assert: #2's own close destroys it; then #3 may have the branch's preview.
        var close = Event(cloud, Payload("pull_request.closed.payload", 2));
        close.ExitCode.ShouldBe(0, close.StdErr);
        close.StdOut.Trim().ShouldBe("destroyed preview-changes");
        var reopened = Event(cloud, Payload("pull_request.reopened.payload", 3));
        reopened.ExitCode.ShouldBe(0, reopened.StdErr);
        Config(cloud, Stack, "ownerPullRequest").ShouldBe("3");
    }

    [Test]
    public void A_forks_branch_gets_its_own_preview_and_its_close_destroys_only_that()
    {
        // Arrange: this repository's #2 on "changes" is up.
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        Event(cloud, Payload("pull_request.opened.payload", 2)).ExitCode.ShouldBe(0);

        File.Delete(Path.Combine(cloud.Project, $"Pulumi.{Stack}.yaml"));

        // Act: a fork's #5, also on a branch called "changes", opens and closes.
        var fork = Event(cloud, Payload("pull_request.opened.payload", 5, "stranger/Hello-World"), "--allow-forks");
        var forkConfigRepository = Config(cloud, ForkStack, "headRepository");
        var stacksWithBoth = cloud.Deployer("preview", "list", "--json").StdOut;
        var forkClose = Event(cloud, Payload("pull_request.closed.payload", 5, "stranger/Hello-World"));

        // Assert
        fork.ExitCode.ShouldBe(0, fork.StdErr);
        fork.StdOut.Trim().ShouldStartWith($"https://{ForkStack["preview-".Length..]}.preview.shop.example.com");
        forkConfigRepository.ShouldBe("stranger/hello-world");
        stacksWithBoth.ShouldContain($"\"stack\":\"{Stack}\"");
        stacksWithBoth.ShouldContain($"\"stack\":\"{ForkStack}\"");
        forkClose.ExitCode.ShouldBe(0, forkClose.StdErr);
        forkClose.StdOut.Trim().ShouldBe($"destroyed {ForkStack}");
        cloud.Deployer("preview", "list", "--json").StdOut.ShouldContain($"\"stack\":\"{Stack}\"", Case.Sensitive, "this repository's preview is still there");
    }

    [Test]
    public void A_deleted_forks_close_destroys_the_preview_recorded_as_its_pull_requests_and_nothing_else()
    {
        // Arrange: this repository's #2 and a fork's #5 (branch "changes" both) are up; then the fork is deleted.
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        Event(cloud, Payload("pull_request.opened.payload", 2)).ExitCode.ShouldBe(0);
        Event(cloud, Payload("pull_request.opened.payload", 5, "stranger/Hello-World"), "--allow-forks").ExitCode.ShouldBe(0);
        File.Delete(Path.Combine(cloud.Project, $"Pulumi.{ForkStack}.yaml"));
        var closed = Payloads.Crafted("pull_request.closed.payload", p =>
        {
            p["number"] = 5;
            p["pull_request"]!["head"]!["repo"] = null;
        });

        // Act
        var close = Event(cloud, closed);
        var again = Event(cloud, closed);

        // Assert
        close.ExitCode.ShouldBe(0, close.StdErr);
        close.StdOut.Trim().ShouldBe($"destroyed {ForkStack}");
        again.StdOut.Trim().ShouldBe("nothing to destroy: no fork preview is recorded as #5's");
        var left = cloud.Deployer("preview", "list", "--json").StdOut;
        left.ShouldContain($"\"stack\":\"{Stack}\"");
        left.ShouldNotContain(ForkStack);
    }

    [Test]
    public void A_preview_made_by_hand_is_not_destroyed_by_a_pull_request_but_an_operator_can()
    {
        // Arrange: an operator's preview of "changes" (no owner recorded).
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "changes", "--image-tag", "1").ExitCode.ShouldBe(0);

        // Act
        var close = Event(cloud, Payload("pull_request.closed.payload", 2));
        var byHand = cloud.Deployer("preview", "destroy", "--branch", "changes");

        // Assert
        close.ExitCode.ShouldBe(ExitCodes.UserError, close.StdErr);
        close.StdErr.ShouldContain("has no recorded owner (made by hand or by an older version), so pull request #2 may not destroy it");
        byHand.ExitCode.ShouldBe(0, byHand.StdErr);
        byHand.StdOut.Trim().ShouldBe("destroyed preview-changes");
    }

    [Test]
    public void Prune_knows_a_forks_open_branch_by_owner_name_and_branch()
    {
        // Arrange: an operator deploys a fork's branch by hand.
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        var deployed = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "changes", "--head-repo", "stranger/Hello-World", "--image-tag", "1", "--json");
        deployed.ExitCode.ShouldBe(0, deployed.StdErr);
        JsonNode.Parse(deployed.StdOut)!["stack"]!.GetValue<string>().ShouldBe(ForkStack);
        var forkOpen = Path.Combine(cloud.Root, "fork-open");
        File.WriteAllText(forkOpen, "stranger/Hello-World:changes\n");
        var hereOpen = Path.Combine(cloud.Root, "here-open");
        File.WriteAllText(hereOpen, "changes\n");

        // Act
        var keep = cloud.Deployer("preview", "prune", "--max-age", "7d", "--open-branches", forkOpen, "--dry-run");
        var drop = cloud.Deployer("preview", "prune", "--max-age", "7d", "--open-branches", hereOpen, "--dry-run");

        // Assert
        keep.ExitCode.ShouldBe(0, keep.StdErr);
        keep.StdOut.ShouldNotContain(ForkStack);
        drop.StdOut.ShouldContain($"would destroy {ForkStack}: its branch is not open");
    }
}
