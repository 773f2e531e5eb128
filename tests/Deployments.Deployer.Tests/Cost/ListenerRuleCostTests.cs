using Deployments.Deployer.Cost;
using Deployments.Deployer.Previews;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Tests.Cost;

/// <summary>
/// The listener-rule line past 10 rules: staging (eu-west-1, LCU-hour 0.008, 730 h) with 2,000 requests/s for its
/// host and 1 LCU from the other dimensions, so the rule dimension shows once it exceeds that LCU.
/// </summary>
public class ListenerRuleCostTests
{
    private static readonly StackCompilation Compilation = new(Infra.Config.PulumiProject.Default, null);
    private static readonly PriceCatalog Catalog = PriceCatalog.LoadDirectory(Path.Combine(RepoRoot.Dir, "deployer", "data", "prices"));

    private static CostAssumptions With(int previews) =>
        new() { PreviewsSharingTheLoadBalancer = previews, EnvironmentRequestsPerSecond = 2000m, AlbLcuAverage = 1m };

    private static CostLine RuleLine(CostEstimate estimate) =>
        estimate.Lines.Single(l => l.Item.StartsWith("Listener rule evaluations", StringComparison.Ordinal));

    // rules = previews + the environment's own, evaluated last.
    [TestCase(4, 5, 0, 0)]
    [TestCase(9, 10, 0, 0)]
    [TestCase(10, 11, 730, 5.84)] // 2,000 req/s × 1 rule = 2 LCU, 1 above the other dimensions
    [TestCase(99, 100, 130670, 1045.36)] // 2,000 × 90 / 1,000 = 180 LCU, 179 above
    public void The_environment_pays_for_every_rule_its_requests_pass_beyond_the_first_10(int previews, int rules, decimal lcuHours, decimal monthly)
    {
        // Arrange
        var (_, staging) = ParentFromStackFile.Read(Compilation, RepoRoot.Dir, "staging");

        // Act
        var line = RuleLine(new RegionalCostEstimator(Catalog, With(previews)).Environment(staging));

        // Assert
        line.Item.ShouldBe($"Listener rule evaluations ({rules} rules per request, first 10 free)");
        line.Quantity.ShouldBe(lcuHours);
        line.UnitPrice.Value.ShouldBe(0.008m);
        line.Monthly.ShouldBe(monthly);
    }

    [TestCase(4, 0, 0)]
    [TestCase(9, 0, 0)] // 9 → 10 rules: still free
    [TestCase(10, 730, 5.84)] // 10 → 11 rules: 0 → 1 LCU above
    [TestCase(99, 1460, 11.68)] // 99 → 100 rules: 177 → 179 LCU above
    public void A_preview_shows_what_its_rule_adds_to_the_parents_rule_evaluations(int previews, decimal lcuHours, decimal monthly)
    {
        // Arrange
        var (parent, _) = ParentFromStackFile.Read(Compilation, RepoRoot.Dir, "staging");
        var request = PreviewInputs.Validate("feature/login", "3f9a2c1");
        var names = PreviewNames.For(parent.AppName, request.Branch);
        var source = Compilation.Source(PreviewConfigBuilder.Build(parent, request, RulePriorities.FirstChoice(names.StackName)));
        var (_, preview) = Compilation.Preview(source, names.StackName);

        // Act
        var line = RuleLine(new RegionalCostEstimator(Catalog, With(previews)).Preview(preview));

        // Assert
        line.Item.ShouldBe($"Listener rule evaluations its rule adds ({previews} → {previews + 1} rules per environment request)");
        line.Quantity.ShouldBe(lcuHours);
        line.Monthly.ShouldBe(monthly);
    }

    [Test]
    public void The_assumptions_behind_the_rule_line_are_printed()
    {
        var (_, staging) = ParentFromStackFile.Read(Compilation, RepoRoot.Dir, "staging");

        var estimate = new RegionalCostEstimator(Catalog, With(99)).Environment(staging);

        estimate.Assumptions.ShouldContain(a => a.StartsWith("2000 requests/s for the environment's host, each processing 99 preview rules and its own: 180 LCU", StringComparison.Ordinal));
    }
}
