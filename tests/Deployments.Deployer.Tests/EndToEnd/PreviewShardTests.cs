using System.Text.Json.Nodes;
using Deployments.Deployer.Previews.Shards;
using Deployments.Deployer.Tests.TestSupport;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// Previews over the parent's load-balancer shards, against the fake pulumi, which enforces the ALB quotas across every
/// stack of its backend (100 rules, 100 target groups per load balancer). Most previews are seeded straight into the
/// backend on a shard (a target group and a rule each); the last few are deployed for real.
/// </summary>
[NonParallelizable]
public class PreviewShardTests
{
    private static void Seed(FakeCloud cloud, int shard, int count, string parent = "staging") =>
        Enumerable.Range(0, count).ToList().ForEach(i => PreviewSeed.WriteOnShard(cloud, $"seed-{shard}-{i:000}", ShardedStaging.ListenerArn(cloud, shard), shard, 30000 + shard * 1000 + i, parent));

    /// <summary>Branches whose stack's first choice among <paramref name="shards"/> is <paramref name="shard"/>.</summary>
    private static List<string> Branches(int shard, int shards, int count) =>
        Enumerable.Range(0, 2000).Select(i => $"feature/shard-{i}")
            .Where(b => ShardPlacement.FirstChoice(PreviewNames.For("shop", b).StackName, shards) == shard).Take(count).ToList();

    private static DeployerRun.Result Deploy(FakeCloud cloud, string branch, string tag = "3f9a2c1") =>
        cloud.Deployer("preview", "deploy", "--no-verify", "--branch", branch, "--image-tag", tag);

    private static JsonObject Rule(FakeCloud cloud, string branch) =>
        cloud.StackState(PreviewNames.For("shop", branch).StackName)["resources"]!["listener-rule"]!.AsObject();

    /// <summary>Rules and unique target groups per load balancer, over every stack of the backend.</summary>
    private static Dictionary<string, (int Rules, int TargetGroups)> PerLoadBalancer(FakeCloud cloud)
    {
        var dir = Path.Combine(cloud.State, ".pulumi", "stacks", cloud.ProjectName);
        var resources = Directory.GetFiles(dir, "*.json").SelectMany(f =>
            (JsonNode.Parse(File.ReadAllText(f))!["resources"] as JsonObject ?? []).Select(r => (Stack: Path.GetFileNameWithoutExtension(f), r.Key, Node: r.Value!))).ToList();
        var listeners = resources.Where(r => r.Node["type"]!.GetValue<string>() == "aws:lb:Listener")
            .ToDictionary(r => $"fake:{r.Stack}:{r.Key}.arn", r => r.Node["properties"]!["loadBalancerArn"]!.GetValue<string>());
        return resources.Where(r => r.Node["type"]!.GetValue<string>() == "aws:lb:ListenerRule")
            .GroupBy(r => listeners[r.Node["properties"]!["listenerArn"]!.GetValue<string>()])
            .ToDictionary(g => g.Key, g => (g.Count(), g.SelectMany(r => r.Node["properties"]!["actions"]!.AsArray()).Select(a => a!["targetGroupArn"]!.GetValue<string>()).Distinct().Count()));
    }

    [Test]
    public void About_110_previews_spread_over_the_shards_with_no_load_balancer_over_its_limits()
    {
        // Arrange: 250 previews need the environment's ALB (99) and two more (100 each); 98 + 10 seeded
        using var cloud = new FakeCloud();
        ShardedStaging.Deploy(cloud, 250);
        Seed(cloud, 0, 98);
        Seed(cloud, 1, 10);
        var toShard0 = Branches(0, 3, 3);
        var toShard2 = Branches(2, 3, 1);

        // Act: three whose first choice is the environment's ALB (one place left there), one whose first choice is shard 2
        var results = toShard0.Concat(toShard2).Select(b => Deploy(cloud, b)).ToList();

        // Assert: the first takes the last place, the next two go on to shard 1; each rule is on its shard's listener
        results.ForEach(r => r.ExitCode.ShouldBe(0, r.StdErr));
        toShard0.Concat(toShard2).Select(b => Rule(cloud, b)["properties"]!["listenerArn"]!.GetValue<string>())
            .ShouldBe([ShardedStaging.ListenerArn(cloud, 0), ShardedStaging.ListenerArn(cloud, 1), ShardedStaging.ListenerArn(cloud, 1), ShardedStaging.ListenerArn(cloud, 2)]);
        results[1].StdErr.ShouldContain("goes on load balancer shard 1 of 'staging' (10 of its 100 places taken; 109 of 250 previews in all)");
        var counts = PerLoadBalancer(cloud);
        counts.Values.ShouldAllBe(c => c.Rules <= 100 && c.TargetGroups <= 100);
        counts["fake:staging:load-balancer.arn"].ShouldBe((100, 100));
        counts["fake:staging:preview-shard-1-load-balancer.arn"].ShouldBe((12, 12));
        // A preview on a further shard has its own DNS record, an alias to its shard's load balancer.
        var record = cloud.StackState(PreviewNames.For("shop", toShard0[1]).StackName)["resources"]!["host-record"]!["properties"]!;
        record["aliases"]![0]!["name"]!.GetValue<string>().ShouldBe("fake:staging:preview-shard-1-load-balancer.dnsName");
        record["name"]!.GetValue<string>().ShouldEndWith(".preview.shop.example.com");
        cloud.StackState(PreviewNames.For("shop", toShard0[0]).StackName)["resources"]!.AsObject().ContainsKey("host-record").ShouldBeFalse();
    }

    [Test]
    public void A_redeploy_keeps_its_shard_even_when_its_first_choice_has_room_again()
    {
        // Arrange: its first choice full, the preview lands on shard 1
        using var cloud = new FakeCloud();
        ShardedStaging.Deploy(cloud, 250);
        Seed(cloud, 0, 99);
        var branch = Branches(0, 3, 1)[0];
        var stack = PreviewNames.For("shop", branch).StackName;
        Deploy(cloud, branch).ExitCode.ShouldBe(0);
        Rule(cloud, branch)["properties"]!["listenerArn"]!.GetValue<string>().ShouldBe(ShardedStaging.ListenerArn(cloud, 1));
        // its first choice has room again, and the next run is on a fresh runner (no local stack file)
        foreach (var seeded in Directory.GetFiles(Path.Combine(cloud.State, ".pulumi", "stacks", cloud.ProjectName), "preview-seed-*.json")) File.Delete(seeded);
        File.Delete(Path.Combine(cloud.Project, $"Pulumi.{stack}.yaml"));

        // Act
        var again = Deploy(cloud, branch, "4b5c6d7");

        // Assert: same shard, read back from the backend; the rule was not moved
        again.ExitCode.ShouldBe(0, again.StdErr);
        again.StdErr.ShouldNotContain("goes on load balancer shard");
        Rule(cloud, branch)["properties"]!["listenerArn"]!.GetValue<string>().ShouldBe(ShardedStaging.ListenerArn(cloud, 1));
        cloud.StackState(stack)["history"]![0]!["config"]!["deployments:loadBalancerShard"]!["value"]!.GetValue<string>().ShouldBe("1");
    }

    [Test]
    public void A_full_capacity_is_refused_before_anything_exists()
    {
        // Arrange: the default layout (the environment's own ALB, 99 previews), full
        using var cloud = new FakeCloud();
        ShardedStaging.Deploy(cloud, null);
        Seed(cloud, 0, 99);
        var callsBefore = cloud.Calls.Count;

        // Act
        var refused = Deploy(cloud, "feature/one-too-many");

        // Assert: exit 8, the capacity and the key named, no stack, no config, no update
        refused.ExitCode.ShouldBe(ExitCodes.PreviewCapacityFull, refused.StdErr);
        refused.StdErr.ShouldContain("environment 'staging' already runs 99 preview(s) and its previewCapacity is 99");
        refused.StdErr.ShouldContain("Raise 'previewCapacity' in Pulumi.staging.yaml");
        refused.StdErr.ShouldNotContain("   at ");
        var calls = cloud.Calls.Skip(callsBefore).Select(c => string.Join(' ', c.Split(' ').Take(2))).ToList();
        calls.ShouldNotContain("stack init");
        calls.ShouldNotContain(c => c.StartsWith("config", StringComparison.Ordinal) || c.StartsWith("up", StringComparison.Ordinal));
        cloud.Pulumi("stack", "ls", "--json").Out.ShouldNotContain(PreviewNames.For("shop", "feature/one-too-many").StackName);
        File.Exists(Path.Combine(cloud.Project, $"Pulumi.{PreviewNames.For("shop", "feature/one-too-many").StackName}.yaml")).ShouldBeFalse();
    }

    [Test]
    public void A_quota_error_inside_up_is_classified_not_a_generic_failure()
    {
        // Arrange: 99 hand-made stacks of another environment put their rules on staging's ALB, so the deployer counts
        // none of them there (its capacity is lied about) and the 101st rule fails in AWS, here in the fake
        using var cloud = new FakeCloud();
        ShardedStaging.Deploy(cloud, null);
        Seed(cloud, 0, 99, parent: "development");

        // Act
        var failed = Deploy(cloud, "feature/over-the-wall");

        // Assert
        failed.ExitCode.ShouldBe(ExitCodes.DeploymentFailed, failed.StdErr);
        failed.StdErr.ShouldContain("(TooManyRules): its load balancer already holds the most rules it may (Rules per Application Load Balancer: 100");
        failed.StdErr.ShouldContain("raise the parent environment's previewCapacity");
        failed.StdErr.ShouldContain("The maximum number of rules on load balancer fake:staging:load-balancer.arn has been reached");
        failed.StdErr.ShouldNotContain("   at ");
        PerLoadBalancer(cloud)["fake:staging:load-balancer.arn"].Rules.ShouldBe(100);
    }
}
