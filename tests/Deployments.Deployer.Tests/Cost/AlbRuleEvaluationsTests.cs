using Deployments.Deployer.Cost;

namespace Deployments.Deployer.Tests.Cost;

public class AlbRuleEvaluationsTests
{
    // https://aws.amazon.com/elasticloadbalancing/pricing/: requests/s × (rules processed − 10 free) ÷ 1,000 evaluations/s per LCU.
    [TestCase(5, 100, 0)]
    [TestCase(10, 100, 0)]
    [TestCase(11, 100, 0.1)]
    [TestCase(100, 100, 9)]
    [TestCase(100, 0, 0)]
    public void Rule_evaluations_beyond_the_first_10_per_request_cost_LCUs(int rules, int requestsPerSecond, decimal lcu)
    {
        AlbRuleEvaluations.Lcu(rules, requestsPerSecond).ShouldBe(lcu);
    }

    [TestCase(1, 11, 2000, 1)]
    [TestCase(5, 11, 2000, 0)]
    [TestCase(1, 11, 10, 0)]
    public void Only_what_exceeds_the_other_dimensions_is_billed(decimal otherLcu, int rules, int requestsPerSecond, decimal above)
    {
        AlbRuleEvaluations.LcuAbove(otherLcu, rules, requestsPerSecond).ShouldBe(above);
    }
}
