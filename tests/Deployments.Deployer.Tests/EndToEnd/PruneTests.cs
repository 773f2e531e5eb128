using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

[NonParallelizable]
public class PruneTests
{
    [Test]
    public void Previews_of_closed_branches_are_destroyed_and_open_ones_kept()
    {
        // Arrange
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        foreach (var branch in new[] { "open-one", "closed-one" })
            cloud.Deployer("preview", "deploy", "--no-verify", "--branch", branch, "--image-tag", "1").ExitCode.ShouldBe(0);
        var open = Path.Combine(cloud.Root, "open.txt");
        File.WriteAllText(open, "open-one\nmain\n");

        // Act
        var dryRun = cloud.Deployer("preview", "prune", "--max-age", "7d", "--open-branches", open, "--dry-run");
        var listAfterDryRun = cloud.Deployer("preview", "list");
        var prune = cloud.Deployer("preview", "prune", "--max-age", "7d", "--open-branches", open);

        // Assert
        dryRun.ExitCode.ShouldBe(0, dryRun.StdErr);
        dryRun.StdOut.Trim().ShouldBe("would destroy preview-closed-one: its branch is not open");
        listAfterDryRun.StdOut.ShouldContain("preview-closed-one");
        prune.ExitCode.ShouldBe(0, prune.StdErr);
        var list = cloud.Deployer("preview", "list").StdOut;
        list.ShouldContain("preview-open-one");
        list.ShouldNotContain("preview-closed-one");
    }

    [Test]
    public void A_failed_destroy_is_reported_and_fails_the_run_so_the_next_run_retries()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "gone", "--image-tag", "1").ExitCode.ShouldBe(0);
        var open = Path.Combine(cloud.Root, "open.txt");
        File.WriteAllText(open, "main\n");
        cloud.Environment["FAKE_PULUMI_FAIL_ON"] = "service";

        var failed = cloud.Deployer("preview", "prune", "--max-age", "30d", "--open-branches", open);
        cloud.Environment.Remove("FAKE_PULUMI_FAIL_ON");
        var retried = cloud.Deployer("preview", "prune", "--max-age", "30d", "--open-branches", open);

        failed.ExitCode.ShouldBe(ExitCodes.DeploymentFailed);
        failed.StdErr.ShouldContain("1 preview(s) could not be destroyed (retried on the next run)");
        retried.ExitCode.ShouldBe(0, retried.StdErr);
        cloud.Deployer("preview", "list").StdOut.ShouldNotContain("preview-gone");
    }

    [TestCase("7", "--max-age: '7' is not allowed")]
    [TestCase("0d", "a duration longer than zero")]
    public void Bad_durations_are_user_errors(string maxAge, string message)
    {
        using var cloud = new FakeCloud();

        var result = cloud.Deployer("preview", "prune", "--max-age", maxAge);

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain(message);
        cloud.Calls.ShouldBeEmpty();
    }
}
