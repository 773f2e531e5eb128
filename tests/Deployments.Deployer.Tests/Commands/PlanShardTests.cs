using System.Text.Json.Nodes;
using Deployments.Deployer.Previews.Shards;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.Commands;

/// <summary><c>plan --branch</c> says which of the parent's load balancers the preview would use, and how sure that is (offline).</summary>
public class PlanShardTests
{
    private static JsonNode Plan(string? capacity)
    {
        var dir = Directory.CreateTempSubdirectory("deployments-plan-shards-").FullName;
        try
        {
            File.Copy(Path.Combine(RepoRoot.Dir, "Pulumi.yaml"), Path.Combine(dir, "Pulumi.yaml"));
            File.WriteAllText(Path.Combine(dir, "Pulumi.staging.yaml"), File.ReadAllText(Path.Combine(RepoRoot.Dir, "Pulumi.staging.yaml"))
                + (capacity is null ? "" : $"  deployments:previewCapacity: {capacity}\n"));
            var result = DeployerRun.Run(["plan", "--project-dir", dir, "--branch", "feature/login", "--json"]);
            result.ExitCode.ShouldBe(0, result.StdErr);
            return JsonNode.Parse(result.StdOut)!;
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Test]
    public void With_one_load_balancer_it_is_the_environments_own()
    {
        var plan = Plan(null);

        plan["names"]!["load balancer"]!.GetValue<string>().ShouldBe("shop-staging (the environment's own, its only one)");
    }

    [Test]
    public void With_shards_it_is_the_first_choice_said_to_be_one()
    {
        // Arrange
        var shard = ShardPlacement.FirstChoice("preview-feature-login-df7c7aeb", 3);

        // Act
        var plan = Plan("250");

        // Assert
        var text = plan["names"]!["load balancer"]!.GetValue<string>();
        text.ShouldStartWith($"{(shard == 0 ? "shop-staging" : $"shop-staging--s{shard}")} (shard {shard} of 3, its first choice");
        text.ShouldContain("an existing preview keeps its own shard, which plan, offline, cannot see");
        plan["resources"]!.AsArray().Any(r => r!["type"]!.GetValue<string>() == "aws:route53:Record").ShouldBe(shard > 0);
    }
}
