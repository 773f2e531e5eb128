namespace Deployments.Deployer.Cost;

/// <summary>The usage an estimate cannot know and therefore assumes; printed with every estimate.</summary>
public sealed record CostAssumptions
{
    /// <summary>
    /// Previews on the parent's listener: a preview pays 1/N of the load balancer's hours, and every request for the
    /// environment's host passes the N preview rules before its own (the last, priority 50000).
    /// </summary>
    public int PreviewsSharingTheLoadBalancer { get; init; } = 10;

    /// <summary>Requests per second the environment's host receives, for the rule-evaluation dimension of the LCU.</summary>
    public decimal EnvironmentRequestsPerSecond { get; init; } = 10m;

    public decimal EnvironmentLogGbPerMonth { get; init; } = 5m;
    public decimal PreviewLogGbPerMonth { get; init; } = 0.5m;
    public decimal NatGbPerMonth { get; init; } = 20m;

    /// <summary>LCU of the other dimensions (new and active connections, processed bytes), on average.</summary>
    public decimal AlbLcuAverage { get; init; } = 1m;
}
