using Deployments.Deployer.Tests.Aws;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>An environment released blue/green end to end: the fake pulumi runs the real compiler, the fake ECS the release (issue 13).</summary>
[NonParallelizable]
public class StrategyReleaseTests
{
    private static void UseBlueGreen(FakeCloud cloud, params string[] extra)
    {
        var file = Path.Combine(cloud.Project, "Pulumi.staging.yaml");
        var lines = File.ReadAllLines(file).ToList();
        var at = lines.FindIndex(l => l.TrimStart().StartsWith("deployments:kind:", StringComparison.Ordinal)) + 1;
        lines.InsertRange(at, ["  deployments:releaseStrategy: blue-green", .. extra.Select(e => "  deployments:" + e)]);
        File.WriteAllLines(file, lines);
    }

    [Test]
    public void A_rollback_at_the_bake_fails_the_release_with_ecs_reason_and_returns_to_the_last_good_image()
    {
        // Arrange
        using var cloud = new FakeCloud();
        UseBlueGreen(cloud, "bakeMinutes: 10");
        cloud.DeployStaging("1.0.0");
        using var aws = cloud.UseAws(new FakeAwsServer(new FakeAwsScenario
        {
            Statuses = ["PROVISIONING", "RUNNING", "STOPPED"],
            ServiceTaskDefinition = "fake:staging:app-task-definition.arn",
            Release = new FakeRelease { Steps = FakeRelease.RollbackAtBake("Service deployment rolled back because the circuit breaker threshold was exceeded.") },
        }));

        // Act
        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0");

        // Assert
        result.ExitCode.ShouldBe(ExitCodes.DeploymentFailed, result.StdErr);
        result.StdErr.ShouldContain("following the blue-green release bg1234567890 (at most 30 min)");
        result.StdErr.ShouldContain("stage: BAKE_TIME (IN_PROGRESS) — new revision gets production traffic 100%");
        result.StdErr.ShouldContain("verification of 'staging' failed: rolled back by ECS during BAKE_TIME: Service deployment rolled back because the circuit breaker threshold was exceeded.");
        result.StdErr.ShouldContain("rolling 'staging' back automatically to 1.0.0");
        aws.Targets.ShouldContain("DescribeServiceDeployments");
    }

    /// <summary>Blue/green staging at 1.0.0 with a smoke test in MODE run at the gate; its url is the local app.</summary>
    private static FakeAwsServer ArrangeGated(FakeCloud cloud, FakeHttpServer app, string mode)
    {
        UseBlueGreen(cloud);
        SmokeTestReleaseTests.AddSmokeTest(cloud, mode);
        cloud.DeployStaging("1.0.0");
        cloud.Environment["FAKE_PULUMI_OUTPUTS"] = $"{{\"staging\": {{\"url\": \"{app.Url}\"}}}}";
        return cloud.UseAws(new FakeAwsServer(new FakeAwsScenario
        {
            Statuses = ["PROVISIONING", "RUNNING", "STOPPED"],
            ServiceTaskDefinition = "fake:staging:app-task-definition.arn",
            Release = new FakeRelease { Gate = true },
        }));
    }

    [Test]
    public void Smoke_tests_run_once_at_the_gate_with_the_test_header_and_their_pass_continues_the_release()
    {
        using var cloud = new FakeCloud();
        using var app = new FakeHttpServer();
        using var aws = ArrangeGated(cloud, app, "env");

        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0");

        result.ExitCode.ShouldBe(0, result.StdErr);
        aws.Scenario.Release!.Actions.ShouldBe(["CONTINUE"]);
        // At the gate: before production traffic moved, with the header that reaches the new tasks.
        var smoke = result.StdErr.IndexOf("smoke tests of 'staging':", StringComparison.Ordinal);
        smoke.ShouldBeGreaterThan(-1, result.StdErr);
        smoke.ShouldBeLessThan(result.StdErr.IndexOf("stage: PRODUCTION_TRAFFIC_SHIFT", StringComparison.Ordinal));
        result.StdErr.ShouldContain("with the test header x-deployments-test");
        result.StdErr.ShouldContain("[smoke] | DEPLOYMENTS_TEST_HEADER_NAME=x-deployments-test");
        result.StdErr.ShouldContain("[smoke] | DEPLOYMENTS_TEST_HEADER_VALUE=");
        // Once: a release that passed its gate does not run them again after the health check.
        System.Text.RegularExpressions.Regex.Matches(result.StdErr, "smoke tests of 'staging' passed").Count.ShouldBe(1);
    }

    [Test]
    public void Failing_smoke_tests_at_the_gate_roll_back_before_production_traffic_and_exit_9()
    {
        using var cloud = new FakeCloud();
        using var app = new FakeHttpServer();
        using var aws = ArrangeGated(cloud, app, "fail");

        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0");

        result.ExitCode.ShouldBe(ExitCodes.SmokeTestsFailed, result.StdErr);
        aws.Scenario.Release!.Actions.ShouldBe(["ROLLBACK"]);
        aws.Scenario.Release.MostProductionTraffic.ShouldBe(0);
        result.StdErr.ShouldContain("failed at the gate: ECS was told to roll the release back before any production traffic shifted");
        result.StdErr.ShouldContain("  | test_login ... FAILED: expected 200, got 500");
        result.StdErr.ShouldContain("rolling 'staging' back automatically to 1.0.0");
    }

    [Test]
    public void A_bad_release_key_stops_the_deploy_before_anything_changes_and_names_the_key()
    {
        using var cloud = new FakeCloud();
        UseBlueGreen(cloud, "canaryPercent: 10");
        cloud.Pulumi("stack", "init", "staging", "--non-interactive").Code.ShouldBe(0);

        var result = cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.0.0");

        // The compiler exits 3 (infra CompilerProcessTests); env deploy reports the failed update as today for any bad config.
        result.ExitCode.ShouldBe(ExitCodes.DeploymentFailed, result.StdErr);
        result.StdErr.ShouldContain("failed after no resources");
        result.StdErr.ShouldContain("exit status 3");
        result.StdErr.ShouldContain("deployments:canaryPercent: applies only to releaseStrategy canary (this environment is 'blue-green')");
        result.StdErr.ShouldNotContain("   at ");
    }
}
