using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// On Pulumi Cloud stacks belong to the user's organization (<c>acme/deployments/staging</c>), not to DIY backends'
/// literal <c>organization</c>: the fake plays Cloud's names and passes <c>PULUMI_ORGANIZATION=acme</c> to the compiler
/// as the YAML host does, and resolves a stack reference only by its true fully qualified name.
/// </summary>
[NonParallelizable]
public class CloudBackendTests
{
    [Test]
    public void A_preview_references_its_parent_in_the_backends_organization_and_lives_a_whole_life()
    {
        // Arrange
        using var cloud = new FakeCloud().AsPulumiCloud("acme");
        cloud.DeployStaging();

        // Act: deploy, list, destroy
        var deployed = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/login", "--image-tag", "3f9a2c1", "--json");
        deployed.ExitCode.ShouldBe(0, deployed.StdErr);
        var stack = JsonNode.Parse(deployed.StdOut)!["stack"]!.GetValue<string>();
        var reference = cloud.StackState(stack)["resources"]!.AsObject().Select(r => r.Value!)
            .Single(r => r["type"]!.GetValue<string>() == "pulumi:pulumi:StackReference");
        var list = cloud.Deployer("preview", "list", "--json");
        var destroyed = cloud.Deployer("preview", "destroy", "--branch", "feature/login");

        // Assert
        reference["properties"]!["name"]!.GetValue<string>().ShouldBe("acme/deployments/staging");
        list.ExitCode.ShouldBe(0, list.StdErr);
        JsonNode.Parse(list.StdOut)!.AsArray().Select(p => p!["branch"]!.GetValue<string>()).ShouldBe(["feature/login"]);
        destroyed.ExitCode.ShouldBe(0, destroyed.StdErr);
        cloud.Pulumi("stack", "ls", "--json").Out.ShouldNotContain(stack);
    }

    [Test]
    public void Stacks_can_be_named_fully_qualified_everywhere()
    {
        // Arrange
        using var cloud = new FakeCloud().AsPulumiCloud("acme");
        cloud.Pulumi("stack", "init", "acme/deployments/staging", "--non-interactive").Code.ShouldBe(0);

        // Act
        var env = cloud.Deployer("env", "deploy", "--skip-migration", "acme/deployments/staging", "--image-tag", "1.0.0");
        var preview = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/q", "--image-tag", "3f9a2c1", "--parent", "acme/deployments/staging", "--json");
        var status = cloud.Deployer("status", "--stack", "acme/deployments/staging", "--json");
        var otherOrg = cloud.Deployer("status", "--stack", "globex/deployments/staging");

        // Assert
        env.ExitCode.ShouldBe(0, env.StdErr);
        preview.ExitCode.ShouldBe(0, preview.StdErr);
        var stack = JsonNode.Parse(preview.StdOut)!["stack"]!.GetValue<string>();
        cloud.StackState(stack)["resources"]!.AsObject().Select(r => r.Value!)
            .Single(r => r["type"]!.GetValue<string>() == "pulumi:pulumi:StackReference")["properties"]!["name"]!.GetValue<string>()
            .ShouldBe("acme/deployments/staging");
        status.ExitCode.ShouldBe(0, status.StdErr);
        JsonNode.Parse(status.StdOut)!["imageTag"]!.GetValue<string>().ShouldBe("1.0.0");
        otherOrg.ExitCode.ShouldBe(2, otherOrg.StdErr);
    }

    [TestCase("a/b/c/d")]
    [TestCase("staging\n")]
    [TestCase("../staging")]
    [TestCase("acme//staging")]
    public void A_malformed_stack_name_is_refused_before_any_call(string name)
    {
        using var cloud = new FakeCloud();

        var status = cloud.Deployer("status", "--stack", name);
        var plan = cloud.Deployer("plan", "--stack", name);
        var deploy = cloud.Deployer("env", "deploy", name, "--image-tag", "1.0.0");

        foreach (var run in new[] { status, plan, deploy })
        {
            run.ExitCode.ShouldBe(2, run.StdErr);
            run.StdErr.ShouldContain("is not a stack name");
        }
        cloud.Calls.ShouldBeEmpty();
    }
}
