using Deployments.Deployer.Commands;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

[NonParallelizable]
public class EnvironmentTests
{
    [Test]
    public void A_release_reads_the_stacks_outputs_once_after_its_update()
    {
        // Arrange
        using var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        var earlier = cloud.Calls.Count;

        // Act
        var deploy = cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.1.0");

        // Assert: the URL, the notice and the revisions' clean-up all use that one read
        deploy.ExitCode.ShouldBe(0, deploy.StdErr);
        var calls = cloud.Calls.Skip(earlier).Select(c => string.Join(' ', c.Split(' ').TakeWhile(w => !w.StartsWith('-')))).ToList();
        calls.SkipWhile(c => c != "up").Skip(1).ShouldBe(["stack output"]);
    }

    [Test]
    public void Rollback_redeploys_the_previous_successful_image_and_warns_about_migrations()
    {
        // Arrange: 1.0.0, then 1.1.0, then a failed 1.2.0
        using var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.1.0").ExitCode.ShouldBe(0);
        cloud.Environment["FAKE_PULUMI_FAIL_ON"] = "app-task-definition";
        var failed = cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.2.0");
        cloud.Environment.Remove("FAKE_PULUMI_FAIL_ON");

        // Act
        var rollback = cloud.Deployer("rollback", "--no-verify", "staging");

        // Assert
        failed.ExitCode.ShouldBe(ExitCodes.DeploymentFailed);
        failed.StdErr.ShouldContain("injected failure");
        rollback.ExitCode.ShouldBe(0, rollback.StdErr);
        rollback.StdErr.ShouldContain("rolling 'staging' back to 1.0.0 (image of update");
        rollback.StdErr.ShouldContain(RollbackCommand.MigrationWarning);
        var status = cloud.Deployer("status", "--stack", "staging", "--json");
        status.StdOut.ShouldContain("\"imageTag\":\"1.0.0\"");
    }

    // DIY backends print "version": 0 in every history entry; Pulumi Cloud numbers the updates. --to works on both.
    [TestCase(false, TestName = "Rollback_to_a_named_version_on_a_DIY_backend_which_records_no_versions")]
    [TestCase(true, TestName = "Rollback_to_a_named_version_on_a_backend_that_numbers_updates")]
    public void Rollback_to_a_named_version(bool backendVersions)
    {
        using var cloud = new FakeCloud();
        if (backendVersions) cloud.Environment["FAKE_PULUMI_HISTORY_VERSIONS"] = "1";
        cloud.DeployStaging("1.0.0");
        cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.1.0").ExitCode.ShouldBe(0);
        cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.2.0").ExitCode.ShouldBe(0);

        var rollback = cloud.Deployer("rollback", "--no-verify", "staging", "--to", "1");
        var missing = cloud.Deployer("rollback", "--no-verify", "staging", "--to", "99");

        rollback.ExitCode.ShouldBe(0, rollback.StdErr);
        rollback.StdErr.ShouldContain("rolling 'staging' back to 1.0.0 (image of update 1)");
        missing.ExitCode.ShouldBe(ExitCodes.UserError);
        missing.StdErr.ShouldContain("--to: version 99 is not an update");
        var history = cloud.Pulumi("stack", "history", "--json", "--stack", "staging").Out;
        history.ShouldContain(backendVersions ? "\"version\": 4" : "\"version\": 0");
        var status = cloud.Deployer("status", "--stack", "staging", "--json");
        status.StdOut.ShouldContain("\"version\":4"); // 1.0.0, 1.1.0, 1.2.0, the rollback: the 4th update either way
    }

    [Test]
    public void Deploying_to_an_environment_that_was_never_created_is_refused()
    {
        using var cloud = new FakeCloud();

        var result = cloud.Deployer("env", "deploy", "--skip-migration", "production", "--image-tag", "1.0.0");

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain("environment stack 'production' does not exist in this backend; create it once with 'pulumi stack init production'");
    }
}
