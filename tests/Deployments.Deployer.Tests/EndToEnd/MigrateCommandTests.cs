using Deployments.Deployer.Tests.Aws;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary><c>deployer migrate</c> reading a stack's outputs through the fake pulumi and running the task on the fake ECS.</summary>
[NonParallelizable]
public class MigrateCommandTests
{
    [Test]
    public void Migrate_runs_the_stack_s_task_with_the_given_operation()
    {
        // Arrange
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        using var aws = new FakeAwsServer(new FakeAwsScenario { Statuses = ["PROVISIONING", "RUNNING", "STOPPED"] });
        cloud.UseAws(aws);

        // Act
        var result = cloud.Deployer("migrate", "--stack", "staging", "--", "downgrade", "-1");

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.Trim().ShouldEndWith("/0123456789abcdef0123456789abcdef");
        result.StdErr.ShouldContain("migration of 'staging': alembic downgrade -1");
        result.StdErr.ShouldContain("[migrate] INFO  [alembic] Running upgrade a1 -> b2");
        var run = aws.Calls.First(c => c.Target.EndsWith(".RunTask", StringComparison.Ordinal)).Body;
        run["taskDefinition"]!.GetValue<string>().ShouldBe("fake:staging:migration-task-definition.arn");
        run["overrides"]!.ToJsonString().ShouldBe("""{"containerOverrides":[{"name":"app","command":["alembic","downgrade","-1"]}]}""");
        aws.Rejections.ShouldBeEmpty();
    }

    [Test]
    public void A_failed_migration_exits_with_the_migration_code_and_shows_the_log()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        using var aws = new FakeAwsServer(new FakeAwsScenario
        {
            Statuses = ["PROVISIONING", "RUNNING", "STOPPED"], ExitCode = 3, LogsAtStep = new() { [2] = ["ERROR: duplicate column"] },
        });
        cloud.UseAws(aws);

        var result = cloud.Deployer("migrate", "--stack", "staging");

        result.ExitCode.ShouldBe(ExitCodes.MigrationFailed);
        result.StdErr.ShouldContain("error: migration failed: container 'app' exited with code 3\nlast log lines:\n  | ERROR: duplicate column");
    }

    [Test]
    public void Bad_aws_endpoint_is_a_user_error()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        cloud.Environment["AWS_ENDPOINT_URL"] = "not a url";
        cloud.Environment["AWS_ACCESS_KEY_ID"] = "x";
        cloud.Environment["AWS_SECRET_ACCESS_KEY"] = "y";

        var result = cloud.Deployer("migrate", "--stack", "staging");

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain("AWS_ENDPOINT_URL: the value is not an http(s) URL");
    }
}
