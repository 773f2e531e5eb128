using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// A team's project is named whatever its Pulumi.yaml says, and Pulumi namespaces the project's config keys by that
/// name (https://www.pulumi.com/docs/iac/concepts/config/): a project <c>shop</c> has <c>shop:imageTag</c>. The
/// deployer writes and reads its keys there, and the compiler (run by the fake pulumi as the YAML host runs it, with
/// <c>PULUMI_PROJECT=shop</c>) reads them there.
/// </summary>
[NonParallelizable]
public class ProjectNameTests
{
    [Test]
    public void A_project_named_shop_plans_deploys_and_previews_with_its_own_keys()
    {
        // Arrange
        using var cloud = new FakeCloud("shop");

        // Act
        var planEnvironment = cloud.Deployer("plan", "--stack", "staging");
        var planPreview = cloud.Deployer("plan", "--branch", "feature/login");
        cloud.DeployStaging("1.0.0");
        var preview = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/login", "--image-tag", "3f9a2c1", "--json");
        var status = cloud.Deployer("status", "--stack", "staging", "--json");
        var list = cloud.Deployer("preview", "list", "--json");

        // Assert
        planEnvironment.ExitCode.ShouldBe(0, planEnvironment.StdErr);
        planPreview.ExitCode.ShouldBe(0, planPreview.StdErr);
        preview.ExitCode.ShouldBe(0, preview.StdErr);
        var stack = JsonNode.Parse(preview.StdOut)!["stack"]!.GetValue<string>();
        cloud.StackState(stack)["resources"]!.AsObject().Select(r => r.Value!)
            .Single(r => r["type"]!.GetValue<string>() == "pulumi:pulumi:StackReference")["properties"]!["name"]!.GetValue<string>()
            .ShouldBe("organization/shop/staging");
        var previewConfig = File.ReadAllText(Path.Combine(cloud.Project, $"Pulumi.{stack}.yaml"));
        previewConfig.ShouldContain("  shop:imageTag: \"3f9a2c1\"");
        previewConfig.ShouldNotContain("deployments:");
        File.ReadAllText(Path.Combine(cloud.Project, "Pulumi.staging.yaml")).ShouldContain("  shop:imageTag: \"1.0.0\"");
        status.ExitCode.ShouldBe(0, status.StdErr);
        JsonNode.Parse(status.StdOut)!["imageTag"]!.GetValue<string>().ShouldBe("1.0.0");
        list.ExitCode.ShouldBe(0, list.StdErr);
        JsonNode.Parse(list.StdOut)!.AsArray().Select(p => p!["branch"]!.GetValue<string>()).ShouldBe(["feature/login"]);
    }

    [Test]
    public void On_pulumi_cloud_the_parent_is_referenced_in_the_users_organization_and_the_teams_project()
    {
        // Arrange
        using var cloud = new FakeCloud("shop").AsPulumiCloud("acme");
        cloud.DeployStaging();

        // Act
        var preview = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/login", "--image-tag", "3f9a2c1", "--json");
        var rollback = cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.1.0");
        var back = cloud.Deployer("rollback", "--no-verify", "staging");

        // Assert
        preview.ExitCode.ShouldBe(0, preview.StdErr);
        var stack = JsonNode.Parse(preview.StdOut)!["stack"]!.GetValue<string>();
        cloud.StackState(stack)["resources"]!.AsObject().Select(r => r.Value!)
            .Single(r => r["type"]!.GetValue<string>() == "pulumi:pulumi:StackReference")["properties"]!["name"]!.GetValue<string>()
            .ShouldBe("acme/shop/staging");
        rollback.ExitCode.ShouldBe(0, rollback.StdErr);
        back.ExitCode.ShouldBe(0, back.StdErr);
        back.StdErr.ShouldContain("1.0.0");
    }

    [TestCase("name: shop app\n", "names the project 'shop app', which is not allowed: a Pulumi project name: 1-100 of A-Z a-z 0-9 _ . -")]
    [TestCase("name: shop/app\n", "names the project 'shop/app', which is not allowed")]
    [TestCase("description: no name\n", "has no name; give the project a name")]
    public void A_project_without_a_usable_name_is_refused_before_any_call(string firstLines, string message)
    {
        // Arrange
        using var cloud = new FakeCloud();
        var file = Path.Combine(cloud.Project, "Pulumi.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("name: deployments\n", firstLines, StringComparison.Ordinal));

        // Act
        var runs = new[] { cloud.Deployer("status"), cloud.Deployer("plan", "--stack", "staging"), cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.0.0") };

        // Assert
        foreach (var run in runs)
        {
            run.ExitCode.ShouldBe(2, run.StdErr);
            run.StdErr.ShouldContain($"Pulumi.yaml in {cloud.Project} {message}");
            run.StdErr.ShouldNotContain("   at ");
        }
        cloud.Calls.ShouldBeEmpty();
    }
}
