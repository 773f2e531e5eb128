using Deployments.Deployer.Errors;
using Deployments.Deployer.Migrations;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.Aws;

/// <summary>The migration runner over the real AWS client against the fake ECS/Logs server (signatures verified).</summary>
public class MigrationRunnerTests
{
    private static readonly MigrationTarget Target = new("staging", FakeAwsServer.Region, "arn:aws:ecs:eu-west-1:123456789012:cluster/app-staging",
        "arn:aws:ecs:eu-west-1:123456789012:task-definition/app-staging-migrate:7", "app", ["subnet-00000003", "subnet-00000004"], "sg-0123",
        "/deployments/app/staging", "migrate", ["alembic", "upgrade", "head"]);

    private static (MigrationResult Result, FakeAwsServer Server, string Output, VirtualClock Clock) Run(FakeAwsScenario scenario,
        IReadOnlyList<string>? command = null, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var server = new FakeAwsServer(scenario);
        var clock = new VirtualClock();
        var output = new StringWriter();
        using var aws = server.Clients(clock);
        var result = new MigrationRunner(aws.Ecs, aws.Logs, clock, output).RunAsync(Target, command, timeout ?? TimeSpan.FromMinutes(30), ct).GetAwaiter().GetResult();
        return (result, server, output.ToString(), clock);
    }

    [Test]
    public void Success_streams_the_log_and_reports_exit_zero()
    {
        // Act
        var (result, server, output, _) = Run(new FakeAwsScenario());
        using var _server = server;

        // Assert
        result.Succeeded.ShouldBeTrue(result.Failure);
        result.ExitCode.ShouldBe(0);
        output.ShouldContain("  [migrate] INFO  [alembic] Running upgrade a1 -> b2");
        output.ShouldContain("  [migrate] INFO  [alembic] done");
        output.ShouldContain("PROVISIONING → PENDING");
        server.Rejections.ShouldBeEmpty();
        var run = server.Calls.First(c => c.Target.EndsWith(".RunTask", StringComparison.Ordinal)).Body;
        TestJson.ShouldMatch(run, """
            {"cluster":"arn:aws:ecs:eu-west-1:123456789012:cluster/app-staging","taskDefinition":"arn:aws:ecs:eu-west-1:123456789012:task-definition/app-staging-migrate:7",
             "count":1,"launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-00000003","subnet-00000004"],"securityGroups":["sg-0123"],"assignPublicIp":"DISABLED"}},
             "overrides":{},"startedBy":"deployments-migrate"}
            """);
        run["clientToken"]!.GetValue<string>().ShouldStartWith("deployments-");
        server.Calls.Where(c => c.Target.EndsWith("GetLogEvents", StringComparison.Ordinal)).Select(c => c.Body["logStreamName"]!.GetValue<string>()).Distinct()
            .ShouldBe(["migrate/app/0123456789abcdef0123456789abcdef"]);
    }

    [Test]
    public void Arguments_replace_the_default_command_s_arguments() 
    {
        var (result, server, _, _) = Run(new FakeAwsScenario(), ["alembic", "downgrade", "-1"]);
        using var _server = server;

        result.Succeeded.ShouldBeTrue();
        server.Calls.First(c => c.Target.EndsWith(".RunTask", StringComparison.Ordinal)).Body["overrides"]!.ToJsonString()
            .ShouldBe("""{"containerOverrides":[{"name":"app","command":["alembic","downgrade","-1"]}]}""");
    }

    [Test]
    public void Exit_code_1_fails_with_the_code_and_the_log_tail()
    {
        var (result, server, _, _) = Run(new FakeAwsScenario { ExitCode = 1, LogsAtStep = new() { [3] = ["sqlalchemy.exc.OperationalError: relation missing"] } });
        using var _server = server;

        result.Succeeded.ShouldBeFalse();
        result.ExitCode.ShouldBe(1);
        result.Failure.ShouldBe("container 'app' exited with code 1");
        result.LogTail.ShouldBe(["sqlalchemy.exc.OperationalError: relation missing"]);
        new MigrationFailedException(result).ExitCode.ShouldBe(ExitCodes.MigrationFailed);
    }

    [Test]
    public void Workflow_commands_in_the_tasks_log_are_printed_defused_live_and_in_the_failure()
    {
        // Arrange: a preview's migration runs the pull request's image, so its log is hostile (see Smoke/RunnerCommands).
        string[] hostile =
        [
            "::add-mask::hidden", "  ::set-output name=url::https://evil.example.com", "ok ##[set-output name=url;]https://evil.example.com",
            "carriage\r::warning::after a carriage return", "::stop-commands::guess",
        ];

        // Act
        var (result, server, output, _) = Run(new FakeAwsScenario { ExitCode = 1, LogsAtStep = new() { [3] = hostile } });
        using var _server = server;
        var failure = new MigrationFailedException(result).Message;

        // Assert: each line is still there to read, none is a command.
        output.ShouldContain("  [migrate] ::add-mask::hidden");
        output.ShouldContain("  [migrate] ok # #[set-output name=url;]https://evil.example.com");
        failure.ShouldContain("\n  | ::add-mask::hidden");
        Smoke.RunnerCommands.In(output).ShouldBeEmpty();
        Smoke.RunnerCommands.In(failure).ShouldBeEmpty();
    }

    [Test]
    public void A_task_that_failed_to_start_fails_with_its_reason()
    {
        var (result, server, _, _) = Run(new FakeAwsScenario
        {
            Statuses = ["PROVISIONING", "STOPPED"], ExitCode = null, StopCode = "TaskFailedToStart",
            StoppedReason = "CannotPullContainerError: pull image manifest has been retried 5 time(s)",
        });
        using var _server = server;

        result.Succeeded.ShouldBeFalse();
        result.Failure.ShouldBe("the task failed to start: CannotPullContainerError: pull image manifest has been retried 5 time(s)");
    }

    [Test]
    public void A_missing_exit_code_is_a_failure()
    {
        var (result, server, _, _) = Run(new FakeAwsScenario { ExitCode = null, ContainerReason = "OutOfMemoryError: Container killed due to memory usage" });
        using var _server = server;

        result.Failure.ShouldBe("container 'app' has no exit code (OutOfMemoryError: Container killed due to memory usage)");
    }

    [Test]
    public void Run_task_failures_inside_a_200_fail_before_any_wait()
    {
        var (result, server, _, clock) = Run(new FakeAwsScenario { RunTaskFailure = "RESOURCE:ENI" });
        using var _server = server;

        result.Failure.ShouldBe("RunTask did not start the task: RESOURCE:ENI (no capacity in the subnet's AZ)");
        server.Targets.ShouldBe(["RunTask"]);
        clock.Delays.ShouldBeEmpty();
    }

    [Test]
    public void Throttling_is_retried_with_the_same_idempotency_token()
    {
        var (result, server, _, _) = Run(new FakeAwsScenario { ThrottleFirst = 2 });
        using var _server = server;

        result.Succeeded.ShouldBeTrue(result.Failure);
        var runs = server.Calls.Where(c => c.Target.EndsWith(".RunTask", StringComparison.Ordinal)).ToList();
        runs.Count.ShouldBe(3);
        runs.Select(r => r.Body["clientToken"]!.GetValue<string>()).Distinct().Count().ShouldBe(1);
        server.Rejections.ShouldBeEmpty();
    }

    [Test]
    public void A_timeout_stops_the_task()
    {
        var (result, server, _, clock) = Run(new FakeAwsScenario { Statuses = ["PROVISIONING", "RUNNING"] }, timeout: TimeSpan.FromMinutes(10));
        using var _server = server;

        result.Succeeded.ShouldBeFalse();
        result.Failure.ShouldBe("timed out after 10 min; the task was stopped");
        server.Targets.ShouldContain("StopTask");
        TestJson.ShouldMatch(server.Calls.Single(c => c.Target.EndsWith(".StopTask", StringComparison.Ordinal)).Body,
            """{"cluster":"arn:aws:ecs:eu-west-1:123456789012:cluster/app-staging","task":"arn:aws:ecs:eu-west-1:123456789012:task/app-staging/0123456789abcdef0123456789abcdef","reason":"deployments: migration timed out after 10 min"}""");
        // Quiet polling backs off to one round every 8 s: about 15 calls a minute, never a storm.
        var describes = server.Targets.Count(t => t == "DescribeTasks");
        describes.ShouldBeLessThan(10 * 60 / 8 + 10);
        clock.Delays.Max().ShouldBe(TimeSpan.FromSeconds(8));
    }

    [Test]
    public void Interrupting_stops_the_task()
    {
        using var cancel = new CancellationTokenSource();
        var scenario = new FakeAwsScenario { Statuses = ["PROVISIONING", "RUNNING"] };
        cancel.CancelAfter(TimeSpan.FromMilliseconds(500));

        var error = Should.Throw<CancelledException>(() => Run(scenario, timeout: TimeSpan.FromDays(365), ct: cancel.Token));

        error.Message.ShouldStartWith("interrupted: the migration task 0123456789abcdef0123456789abcdef was stopped");
    }
}
