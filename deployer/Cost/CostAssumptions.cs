namespace Deployments.Deployer.Cost;

/// <summary>The usage an estimate cannot know and therefore assumes; printed with every estimate.</summary>
public sealed record CostAssumptions
{
    /// <summary>Previews sharing the parent's load balancer, for a preview's share of it.</summary>
    public int PreviewsSharingTheLoadBalancer { get; init; } = 10;
    public decimal EnvironmentLogGbPerMonth { get; init; } = 5m;
    public decimal PreviewLogGbPerMonth { get; init; } = 0.5m;
    public decimal NatGbPerMonth { get; init; } = 20m;
    public decimal AlbLcuAverage { get; init; } = 1m;
}
