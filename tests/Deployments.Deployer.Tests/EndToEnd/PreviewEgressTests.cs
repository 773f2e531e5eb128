using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>Issue 10 §6: a preview's tasks get the egress rules its parent hands down in <c>previewDefaults</c>.</summary>
[NonParallelizable]
public class PreviewEgressTests
{
    [Test]
    public void A_preview_inherits_the_parent_egress_rules_and_creates_them_on_its_own_group()
    {
        // Arrange: staging with one extra egress rule
        using var cloud = new FakeCloud();
        File.AppendAllText(Path.Combine(cloud.Project, "Pulumi.staging.yaml"), "  deployments:taskEgressRules: [\"tcp:6379:10.1.0.0/16\"]\n");
        cloud.DeployStaging();

        // Act
        var deployed = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/login", "--image-tag", "3f9a2c1", "--json");

        // Assert: the rule is in the preview's config and among the resources its update created
        deployed.ExitCode.ShouldBe(0, deployed.StdErr);
        var config = JsonNode.Parse(cloud.Pulumi("config", "--json", "--stack", "preview-feature-login-df7c7aeb").Out)!;
        config["deployments:taskEgressRules"]!["value"]!.GetValue<string>().ShouldBe("[\"tcp:6379:10.1.0.0/16\"]");
        config["deployments:taskEgressOpen"]!["value"]!.GetValue<string>().ShouldBe("false");
        deployed.StdErr.ShouldContain("aws:vpc:SecurityGroupEgressRule service-security-group-egress-tcp-6379-10-1-0-0-16");
        deployed.StdErr.ShouldContain("aws:vpc:SecurityGroupEgressRule service-security-group-egress-https");
    }
}
