using Deployments.Deployer.Tests.Aws;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>Previews with their own database migrate like environments; others skip the step and say so.</summary>
[NonParallelizable]
public class PreviewMigrationTests
{
    [Test]
    public void A_preview_with_its_own_database_migrates_before_its_service_moves()
    {
        // Arrange: a parent whose previews get an RDS instance each.
        using var cloud = new FakeCloud();
        var stackFile = Path.Combine(cloud.Project, "Pulumi.staging.yaml");
        File.WriteAllText(stackFile, File.ReadAllText(stackFile).Replace("databaseStrategy: sidecar", "databaseStrategy: instance", StringComparison.Ordinal));
        cloud.DeployStaging();
        using var aws = new FakeAwsServer(new FakeAwsScenario { Statuses = ["PROVISIONING", "RUNNING", "STOPPED"] });
        cloud.UseAws(aws);

        // Act
        var first = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "db-branch", "--image-tag", "1");
        var before = cloud.Calls.Count;
        var runsBefore = aws.Targets.Count(t => t == "RunTask");
        var second = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "db-branch", "--image-tag", "2");

        // Assert
        first.ExitCode.ShouldBe(0, first.StdErr);
        second.ExitCode.ShouldBe(0, second.StdErr);
        second.StdErr.ShouldContain("registering 2 for the migration; the service stays on 1");
        cloud.Calls.Skip(before).Count(c => c.StartsWith("up ", StringComparison.Ordinal)).ShouldBe(2);
        aws.Targets.Count(t => t == "RunTask").ShouldBe(runsBefore + 1);
    }

    private static FakeAwsServer InstanceParentWithAws(FakeCloud cloud)
    {
        var stackFile = Path.Combine(cloud.Project, "Pulumi.staging.yaml");
        File.WriteAllText(stackFile, File.ReadAllText(stackFile).Replace("databaseStrategy: sidecar", "databaseStrategy: instance", StringComparison.Ordinal));
        cloud.DeployStaging();
        var aws = new FakeAwsServer(new FakeAwsScenario { Statuses = ["PROVISIONING", "RUNNING", "STOPPED"] }) { SharedCallLog = cloud.CallLog };
        cloud.UseAws(aws);
        return aws;
    }

    // A plain branch name is its own slug: its stack is preview-<branch>.
    private static string StackFile(FakeCloud cloud, string branch) => Path.Combine(cloud.Project, $"Pulumi.preview-{branch}.yaml");

    private static string Output(FakeCloud cloud, string branch, string key)
    {
        var stack = $"preview-{branch}";
        var (code, stdout, stderr) = cloud.Pulumi("stack", "output", "--json", "--stack", stack);
        code.ShouldBe(0, stderr);
        return System.Text.Json.Nodes.JsonNode.Parse(stdout)![key]!.ToJsonString().Trim('"');
    }

    // The CLI and AWS calls of one run, in order, with each update's task count: "up@0" while held, "up" otherwise
    // (the desiredCount the stack's config holds at each update: as the run found it, then as it set or removed it).
    private static List<string> Sequence(FakeCloud cloud, int from, bool heldBefore = false)
    {
        var sequence = new List<string>();
        var held = heldBefore;
        foreach (var call in cloud.Calls.Skip(from))
        {
            if (call.StartsWith("config set-all", StringComparison.Ordinal) && call.Contains("deployments:desiredCount=0", StringComparison.Ordinal)) held = true;
            if (call.StartsWith("config rm-all", StringComparison.Ordinal) && call.Contains("deployments:desiredCount", StringComparison.Ordinal)) held = false;
            if (call.StartsWith("up ", StringComparison.Ordinal)) sequence.Add(held ? "up@0" : "up");
            if (call == "aws RunTask") sequence.Add("RunTask");
        }
        return sequence;
    }

    [Test]
    public void A_new_instance_preview_is_created_with_no_tasks_and_started_only_after_its_migration()
    {
        using var cloud = new FakeCloud();
        using var aws = InstanceParentWithAws(cloud);
        var before = cloud.Calls.Count;

        var result = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "db-first", "--image-tag", "1");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain("the service is held at 0 tasks until the migration of 1 succeeds");
        Sequence(cloud, before).ShouldBe(["up@0", "RunTask", "up"]);
        Output(cloud, "db-first", "desiredCount").ShouldBe("1");
    }

    [Test]
    public void A_new_instance_preview_whose_migration_fails_never_starts_and_the_next_deploy_migrates_again()
    {
        using var cloud = new FakeCloud();
        using var aws = InstanceParentWithAws(cloud);
        var failing = new FakeAwsServer(new FakeAwsScenario { Statuses = ["PROVISIONING", "RUNNING", "STOPPED"], ExitCode = 1, LogsAtStep = new() { [1] = ["ERROR: relation exists"] } })
            { SharedCallLog = cloud.CallLog };
        cloud.Environment["AWS_ENDPOINT_URL"] = failing.Endpoint.ToString();

        var first = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "db-first", "--image-tag", "1");
        failing.Dispose();
        cloud.Environment["AWS_ENDPOINT_URL"] = aws.Endpoint.ToString();
        var before = cloud.Calls.Count;
        var heldBefore = File.ReadAllText(StackFile(cloud, "db-first")).Contains("deployments:desiredCount: \"0\"", StringComparison.Ordinal);
        var again = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "db-first", "--image-tag", "1");

        first.ExitCode.ShouldBe(ExitCodes.MigrationFailed, first.StdErr);
        first.StdErr.ShouldContain("ERROR: relation exists");
        again.ExitCode.ShouldBe(0, again.StdErr);
        // Same image, but it never served: the migration runs before the service starts.
        heldBefore.ShouldBeTrue("the failed first deploy left the service at 0 tasks");
        Sequence(cloud, before, heldBefore).ShouldBe(["up@0", "RunTask", "up"]);
    }

    [Test]
    public void A_fresh_runner_without_the_local_stack_file_still_migrates_before_the_roll()
    {
        using var cloud = new FakeCloud();
        using var aws = InstanceParentWithAws(cloud);
        cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "db-branch", "--image-tag", "1").ExitCode.ShouldBe(0);
        // A new CI runner: the backend has the stack, the checkout has no Pulumi.<stack>.yaml.
        File.Delete(StackFile(cloud, "db-branch"));
        var before = cloud.Calls.Count;

        var result = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "db-branch", "--image-tag", "2");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain("registering 2 for the migration; the service stays on 1");
        Sequence(cloud, before).ShouldBe(["up", "RunTask", "up"]);
        Output(cloud, "db-branch", "imageTag").ShouldBe("2");
    }

    private static FakeAwsServer SidecarAws(FakeCloud cloud, string stack, int? migrateExit, string[] migrateLog)
    {
        var taskDefinition = $"fake:{stack}:app-task-definition.arn";
        const string id = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
        var aws = new FakeAwsServer(new FakeAwsScenario
        {
            ServiceTaskDefinition = taskDefinition,
            Rollout = ["IN_PROGRESS", "FAILED"],
            StoppedServiceTasks =
            [
                new FakeStoppedTask("0000000000000000000000000000000a", "fake:older:app-task-definition.arn", new Dictionary<string, int?> { ["app"] = 0, ["migrate"] = 3, ["postgres"] = 0 }, "old"),
                new FakeStoppedTask(id, taskDefinition, new Dictionary<string, int?> { ["app"] = migrateExit == 0 ? 1 : null, ["migrate"] = migrateExit, ["postgres"] = 0 },
                    "Essential container in task exited"),
            ],
            StreamLogs = new(StringComparer.Ordinal) { [$"migrate/migrate/{id}"] = migrateLog },
        });
        cloud.UseAws(aws);
        return aws;
    }

    [Test]
    public void A_sidecar_preview_whose_in_task_migration_fails_is_a_migration_failure_with_its_exit_code_and_log_tail()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        using var aws = SidecarAws(cloud, "preview-side-fail", 1, ["INFO  [alembic] Running upgrade a1 -> b2", "ERROR: relation \"users\" already exists"]);

        var result = cloud.Deployer("preview", "deploy", "--branch", "side-fail", "--image-tag", "1");

        result.ExitCode.ShouldBe(ExitCodes.MigrationFailed, result.StdErr);
        result.StdErr.ShouldContain("error: migration failed: the in-task migration (container 'migrate' of task 9f8e7d6c5b4a39281706f5e4d3c2b1a0) exited with code 1; "
            + "the app never started (task stopped: Essential container in task exited)\nlast log lines:\n  | INFO  [alembic] Running upgrade a1 -> b2\n  | ERROR: relation \"users\" already exists");
        result.StdErr.ShouldNotContain("verification of");
        aws.Targets.ShouldContain("ListTasks");
    }

    [Test]
    public void A_scheduled_preview_s_verified_deploy_wakes_it_before_verifying_its_rollout()
    {
        // Arrange: staging's previews sleep outside a schedule (the deploy may come at night, when the preview has 0 tasks).
        using var cloud = new FakeCloud();
        var file = Path.Combine(cloud.Project, "Pulumi.staging.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("  deployments:previewDefaults:\n",
            "  deployments:previewDefaults:\n    schedule: {days: Sat, start: \"07:00\", stop: \"08:00\", timeZone: UTC}\n", StringComparison.Ordinal));
        cloud.DeployStaging();
        using var aws = SidecarAws(cloud, "preview-side-app", 0, ["INFO  [alembic] done"]);

        // Act
        var result = cloud.Deployer("preview", "deploy", "--branch", "side-app", "--image-tag", "1");

        // Assert: the target is raised to the preview's task count before the rollout is watched
        result.StdErr.ShouldContain("waking the scheduled preview until its next scheduled stop");
        aws.Targets.ShouldContain("RegisterScalableTarget");
        var order = aws.Targets.ToList();
        order.IndexOf("RegisterScalableTarget").ShouldBeLessThan(order.IndexOf("DescribeServices"));
        aws.Calls.Single(c => c.Target.EndsWith(".RegisterScalableTarget", StringComparison.Ordinal)).Body["MinCapacity"]!.GetValue<int>().ShouldBe(1);
        aws.Rejections.ShouldBeEmpty();
    }

    [Test]
    public void A_sidecar_preview_whose_app_fails_after_a_good_migration_is_a_rollout_failure()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        using var aws = SidecarAws(cloud, "preview-side-app", 0, ["INFO  [alembic] done"]);

        var result = cloud.Deployer("preview", "deploy", "--branch", "side-app", "--image-tag", "1");

        result.ExitCode.ShouldBe(ExitCodes.DeploymentFailed, result.StdErr);
        result.StdErr.ShouldContain("verification of 'preview-side-app' failed: rolled back by the circuit breaker");
    }

    [Test]
    public void A_sidecar_preview_migrates_inside_its_task_and_says_so()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();

        var result = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "sidecar-branch", "--image-tag", "1");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain("migration runs inside each task before the app starts (sidecar database: its 'migrate' container)");
    }
}
