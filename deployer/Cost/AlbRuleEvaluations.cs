namespace Deployments.Deployer.Cost;

/// <summary>
/// The rule-evaluation dimension of an Application Load Balancer's LCU, as the ELB pricing page defines it
/// (https://aws.amazon.com/elasticloadbalancing/pricing/): rule evaluations are "the product of the number of rules
/// processed and the request rate", the first 10 processed rules are free, one LCU is 1,000 rule evaluations per
/// second, and each hour is billed on the dimension (new connections, active connections, processed bytes, rule
/// evaluations) with the highest usage. Rules are evaluated in priority order, so a request for the environment's
/// own host (priority 50000, the last) is matched only after every preview rule has been processed.
/// </summary>
public static class AlbRuleEvaluations
{
    public const int FreeRulesPerRequest = 10;
    public const decimal EvaluationsPerSecondPerLcu = 1000m;

    /// <summary>LCU of the rule dimension alone: requests/s × (rules processed − 10 free) ÷ 1,000.</summary>
    public static decimal Lcu(int rulesProcessed, decimal requestsPerSecond) =>
        Math.Max(0, rulesProcessed - FreeRulesPerRequest) * requestsPerSecond / EvaluationsPerSecondPerLcu;

    /// <summary>What the rule dimension bills above the other dimensions' LCU (the hour is billed on the highest one).</summary>
    public static decimal LcuAbove(decimal otherDimensionsLcu, int rulesProcessed, decimal requestsPerSecond) =>
        Math.Max(0m, Lcu(rulesProcessed, requestsPerSecond) - otherDimensionsLcu);
}
