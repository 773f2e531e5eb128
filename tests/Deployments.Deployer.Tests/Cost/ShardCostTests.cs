using Deployments.Deployer.Cost;
using Deployments.Deployer.Previews;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Tests.Cost;

/// <summary>
/// The cost of preview load-balancer shards (staging, eu-west-1 built-in table, 730 h): the environment pays the further
/// load balancers' hours and addresses, a preview its share of its own shard's hours, and a preview on a further shard
/// adds no rule evaluations to the environment's requests (none pass its rule).
/// </summary>
public class ShardCostTests
{
    private static readonly StackCompilation Compilation = new(Infra.Config.PulumiProject.Default, null);
    private static readonly RegionalCostEstimator Estimator = new(PriceCatalog.BuiltIn(), new CostAssumptions { EnvironmentRequestsPerSecond = 2000m });

    private static Infra.Config.PreviewSettings Preview(int shard)
    {
        var (parent, _) = ParentFromStackFile.Read(Compilation, RepoRoot.Dir, "staging");
        var request = PreviewInputs.Validate("feature/login", "3f9a2c1");
        var names = PreviewNames.For(parent.AppName, request.Branch);
        return Compilation.Preview(Compilation.Source(PreviewConfigBuilder.Build(parent, request, RulePriorities.FirstChoice(names.StackName), shard)), names.StackName).Settings;
    }

    [Test]
    public void The_environment_pays_the_further_load_balancers_hours_and_addresses()
    {
        // Arrange
        var (_, staging) = ParentFromStackFile.Read(Compilation, RepoRoot.Dir, "staging");

        // Act
        var plain = Estimator.Environment(staging);
        var sharded = Estimator.Environment(staging with { PreviewCapacity = 250 });

        // Assert: 2 load balancers beyond its own, in 2 AZs
        plain.Lines.ShouldNotContain(l => l.Item.StartsWith("Preview load balancers", StringComparison.Ordinal));
        var hours = sharded.Lines.Single(l => l.Item.StartsWith("Preview load balancers (", StringComparison.Ordinal));
        hours.Item.ShouldBe("Preview load balancers (2 beyond its own, for previewCapacity 250; shared by their previews)");
        hours.Quantity.ShouldBe(1460m);
        hours.UnitPrice.ShouldBe(plain.Lines.Single(l => l.Item == "Load balancer").UnitPrice);
        sharded.Lines.Single(l => l.Item.StartsWith("Preview load balancers' public IPv4", StringComparison.Ordinal)).Quantity.ShouldBe(2920m);
        sharded.MonthlyTotal!.Value.ShouldBe(plain.MonthlyTotal!.Value + hours.Monthly + sharded.Lines.Single(l => l.Item.StartsWith("Preview load balancers' public IPv4", StringComparison.Ordinal)).Monthly);
    }

    [Test]
    public void A_preview_on_a_further_shard_pays_its_share_there_and_adds_no_rule_evaluations()
    {
        // Act
        var onEnvironment = Estimator.Preview(Preview(0));
        var onShard = Estimator.Preview(Preview(2));

        // Assert
        onEnvironment.Lines.ShouldContain(l => l.Item == "Share of the parent's load balancer (1/10)");
        onEnvironment.Lines.ShouldContain(l => l.Item.StartsWith("Listener rule evaluations its rule adds", StringComparison.Ordinal));
        onShard.Lines.ShouldContain(l => l.Item == "Share of the parent's preview load balancer 2 (1/10)");
        onShard.Lines.ShouldNotContain(l => l.Item.StartsWith("Listener rule evaluations", StringComparison.Ordinal));
        onShard.Assumptions.ShouldContain(a => a.StartsWith("its rule is on a preview load balancer", StringComparison.Ordinal));
    }
}
