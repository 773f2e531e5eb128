using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.Aws;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// Environments by any name the naming rules allow, not only staging and production: teams run
/// development → staging → production. The test writes a <c>Pulumi.development.yaml</c> into its copy of the project.
/// </summary>
[NonParallelizable]
public class EnvironmentNameTests
{
    [Test]
    public void A_development_environment_deploys_rolls_back_plans_and_parents_previews()
    {
        // Arrange
        using var cloud = new FakeCloud();
        WriteDevelopment(cloud);
        cloud.Pulumi("stack", "init", "development", "--non-interactive").Code.ShouldBe(0);

        // Act
        var first = cloud.Deployer("env", "deploy", "--skip-migration", "development", "--image-tag", "1.0.0");
        var second = cloud.Deployer("env", "deploy", "--skip-migration", "development", "--image-tag", "1.1.0");
        var rollback = cloud.Deployer("rollback", "--no-verify", "development");
        var planEnvironment = cloud.Deployer("plan", "--stack", "development", "--json");
        var planPreview = cloud.Deployer("plan", "--branch", "feature/x", "--parent", "development", "--json");
        var preview = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/x", "--image-tag", "3f9a2c1", "--parent", "development", "--json");

        // Assert
        first.ExitCode.ShouldBe(0, first.StdErr);
        second.ExitCode.ShouldBe(0, second.StdErr);
        rollback.ExitCode.ShouldBe(0, rollback.StdErr);
        rollback.StdErr.ShouldContain("rolling 'development' back to 1.0.0");
        planEnvironment.ExitCode.ShouldBe(0, planEnvironment.StdErr);
        JsonNode.Parse(planEnvironment.StdOut)!["stack"]!.GetValue<string>().ShouldBe("development");
        planPreview.ExitCode.ShouldBe(0, planPreview.StdErr);
        JsonNode.Parse(planPreview.StdOut)!["url"]!.GetValue<string>().ShouldStartWith("https://feature-x-");
        preview.ExitCode.ShouldBe(0, preview.StdErr);
        var stack = JsonNode.Parse(preview.StdOut)!["stack"]!.GetValue<string>();
        JsonNode.Parse(preview.StdOut)!["url"]!.GetValue<string>().ShouldEndWith(".dev-preview.shop.example.com");
        cloud.StackState(stack)["resources"]!.AsObject().Select(r => r.Value!)
            .Single(r => r["type"]!.GetValue<string>() == "pulumi:pulumi:StackReference")["properties"]!["name"]!.GetValue<string>()
            .ShouldBe("organization/deployments/development");
    }

    [Test]
    public void Migrate_runs_a_development_environments_task()
    {
        // Arrange
        using var cloud = new FakeCloud();
        WriteDevelopment(cloud);
        cloud.Pulumi("stack", "init", "development", "--non-interactive").Code.ShouldBe(0);
        cloud.Deployer("env", "deploy", "--skip-migration", "development", "--image-tag", "1.0.0").ExitCode.ShouldBe(0);
        using var aws = new FakeAwsServer(new FakeAwsScenario { Statuses = ["PROVISIONING", "RUNNING", "STOPPED"] });
        cloud.UseAws(aws);

        // Act
        var result = cloud.Deployer("migrate", "--stack", "development", "--", "current");

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain("migration of 'development': alembic current");
        aws.Calls.First(c => c.Target.EndsWith(".RunTask", StringComparison.Ordinal)).Body["taskDefinition"]!.GetValue<string>()
            .ShouldBe("fake:development:migration-task-definition.arn");
    }

    /// <summary>development, made from staging's file with its own host and preview domain.</summary>
    private static void WriteDevelopment(FakeCloud cloud) =>
        File.WriteAllText(Path.Combine(cloud.Project, "Pulumi.development.yaml"), File.ReadAllText(Path.Combine(cloud.Project, "Pulumi.staging.yaml"))
            .Replace("staging.shop.example.com", "development.shop.example.com", StringComparison.Ordinal)
            .Replace("preview.shop.example.com", "dev-preview.shop.example.com", StringComparison.Ordinal)
            .Replace("APP_ENV: staging", "APP_ENV: development", StringComparison.Ordinal));

    [TestCase("env", "deploy", "Development")]
    [TestCase("rollback", "preview-x")]
    [TestCase("env", "deploy", "my-preview")]
    public void A_name_the_naming_rules_refuse_is_exit_2_before_any_call(params string[] args)
    {
        using var cloud = new FakeCloud();

        var run = cloud.Deployer([.. args, "--image-tag", "1.0.0"]);

        run.ExitCode.ShouldBe(2, run.StdErr);
        run.StdErr.ShouldContain("environment '");
        cloud.Calls.ShouldBeEmpty();
    }
}
