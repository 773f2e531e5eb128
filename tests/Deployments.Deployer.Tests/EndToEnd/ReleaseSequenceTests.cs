using Deployments.Deployer.Tests.Aws;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>The deploy sequence of an environment: register → migrate → roll → verify, with the fake pulumi and fake ECS.</summary>
[NonParallelizable]
public class ReleaseSequenceTests
{
    private static string Config(FakeCloud cloud, string key) =>
        File.ReadAllLines(Path.Combine(cloud.Project, "Pulumi.staging.yaml")).Single(l => l.TrimStart().StartsWith($"deployments:{key}:", StringComparison.Ordinal)).Split(':', 3)[2].Trim().Trim('"');

    [Test]
    public void The_migration_runs_from_the_new_image_before_the_service_moves()
    {
        // Arrange
        using var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        using var aws = cloud.UseAws(new FakeAwsServer(new FakeAwsScenario { Statuses = ["PROVISIONING", "RUNNING", "STOPPED"] }));
        var before = cloud.Calls.Count;

        // Act
        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0", "--no-verify");

        // Assert: up (register) → RunTask → up (roll)
        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain("1/3 registering 1.1.0 for the migration; the service stays on 1.0.0");
        result.StdErr.ShouldContain("[migrate] INFO  [alembic] Running upgrade a1 -> b2");
        var ups = cloud.Calls.Skip(before).Where(c => c.StartsWith("up ", StringComparison.Ordinal)).ToList();
        ups.Count.ShouldBe(2);
        ups[0].ShouldContain("--message register 1.1.0 for the migration");
        ups[1].ShouldContain("--message deploy 1.1.0");
        aws.Targets.ShouldContain("RunTask");
        Config(cloud, "imageTag").ShouldBe("1.1.0");
    }

    [Test]
    public void A_brand_new_environment_is_created_with_its_service_held_at_0_tasks_and_started_only_after_its_migration()
    {
        // Arrange: the stack exists, nothing was ever deployed to it.
        using var cloud = new FakeCloud();
        cloud.Pulumi("stack", "init", "staging", "--non-interactive").Code.ShouldBe(0);
        using var aws = new FakeAwsServer(new FakeAwsScenario { Statuses = ["PROVISIONING", "RUNNING", "STOPPED"] }) { SharedCallLog = cloud.CallLog };
        cloud.UseAws(aws);
        var before = cloud.Calls.Count;

        // Act
        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.0.0", "--no-verify");

        // Assert: set held → up → RunTask → set started → up, and the stack's last update is not held.
        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain("1/3 first deploy: the service is created with no tasks until the migration of 1.0.0 succeeds");
        cloud.Calls.Skip(before).Select(c => c.StartsWith("config set-all", StringComparison.Ordinal)
                ? c.Contains("deployments:serviceHeld=true", StringComparison.Ordinal) ? "hold" : c.Contains("deployments:serviceHeld=false", StringComparison.Ordinal) ? "start" : "set"
                : c.Split(' ')[0] == "aws" ? c : c.Split(' ')[0])
            .Where(c => c is "hold" or "start" or "up" or "aws RunTask")
            .ShouldBe(["hold", "up", "aws RunTask", "start", "up"]);
        var outputs = System.Text.Json.Nodes.JsonNode.Parse(cloud.Pulumi("stack", "output", "--json", "--stack", "staging").Out)!;
        outputs["serviceHeld"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Test]
    public void A_failed_migration_leaves_the_service_on_its_image()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        using var aws = cloud.UseAws(new FakeAwsServer(new FakeAwsScenario { Statuses = ["PROVISIONING", "RUNNING", "STOPPED"], ExitCode = 2, LogsAtStep = new() { [2] = ["ERROR: column exists"] } }));

        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0");

        result.ExitCode.ShouldBe(ExitCodes.MigrationFailed);
        result.StdErr.ShouldContain("error: migration failed: container 'app' exited with code 2\nlast log lines:\n  | ERROR: column exists");
        Config(cloud, "imageTag").ShouldBe("1.0.0");
        Config(cloud, "migrationImageTag").ShouldBe("1.1.0");
        cloud.Calls.Count(c => c.StartsWith("up ", StringComparison.Ordinal) && c.Contains("deploy 1.1.0", StringComparison.Ordinal)).ShouldBe(0);
    }

    [Test]
    public void A_rollout_the_circuit_breaker_rolls_back_is_a_failure_and_the_environment_returns_to_the_last_good_image()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        using var aws = cloud.UseAws(new FakeAwsServer(new FakeAwsScenario
        {
            Statuses = ["PROVISIONING", "RUNNING", "STOPPED"],
            ServiceTaskDefinition = "fake:staging:app-task-definition.arn",
            Rollout = ["IN_PROGRESS", "FAILED"],
        }));

        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0");

        result.ExitCode.ShouldBe(ExitCodes.DeploymentFailed);
        result.StdErr.ShouldContain("verification of 'staging' failed: rolled back by the circuit breaker: ECS deployment circuit breaker: tasks failed to start.");
        result.StdErr.ShouldContain("rolling 'staging' back automatically to 1.0.0");
        result.StdErr.ShouldContain("failed verification and was rolled back to 1.0.0");
        result.StdErr.ShouldContain("database migrations are not rolled back");
        Config(cloud, "imageTag").ShouldBe("1.0.0");
    }
}
