namespace Deployments.Infra.Stacks.Shards;

/// <summary>
/// How many load balancers an environment's previews need, and how many previews each one holds. Every preview puts
/// one target group and one listener rule on its load balancer, and an Application Load Balancer holds at most 100
/// target groups (not adjustable) and, by default, 100 rules not counting default rules
/// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html). Shard 0 is the
/// environment's own load balancer, as before shards existed: the environment's target group and its host rule take
/// one of each there, so it holds 99 previews; every further shard is a load balancer of the previews' own and holds 100.
/// </summary>
public sealed record PreviewShardLayout(int Capacity, IReadOnlyList<int> Rooms)
{
    /// <summary>Target groups one ALB can be associated with: 100, not adjustable (ELB quotas page above).</summary>
    public const int TargetGroupsPerLoadBalancer = 100;

    /// <summary>Rules per ALB, default rules not counted: 100 by default (ELB quotas page above).</summary>
    public const int RulesPerLoadBalancer = 100;

    /// <summary>What the environment itself puts on its own load balancer: its target group and its host (or catch-all) rule.</summary>
    public const int EnvironmentTargetGroups = 1, EnvironmentRules = 1;

    /// <summary>Previews the environment's own load balancer holds: 99.</summary>
    public const int EnvironmentShardRoom = TargetGroupsPerLoadBalancer - EnvironmentTargetGroups < RulesPerLoadBalancer - EnvironmentRules
        ? TargetGroupsPerLoadBalancer - EnvironmentTargetGroups : RulesPerLoadBalancer - EnvironmentRules;

    /// <summary>Previews a load balancer of the previews' own holds: 100.</summary>
    public const int DedicatedShardRoom = TargetGroupsPerLoadBalancer < RulesPerLoadBalancer ? TargetGroupsPerLoadBalancer : RulesPerLoadBalancer;

    /// <summary>The default <c>previewCapacity</c>: what the environment's own load balancer holds, so the default
    /// layout is the one load balancer every environment had before shards.</summary>
    public const int DefaultCapacity = EnvironmentShardRoom;

    /// <summary>
    /// The largest <c>previewCapacity</c>: every preview also has a target group of the region's 3,000 (a default,
    /// adjustable quota shared with the environments' own, ELB quotas page above), so 2,999 leaves the environment's.
    /// </summary>
    public const int MaxCapacity = 2999;

    /// <summary>The config key, in the environment's stack: named by every message about capacity.</summary>
    public const string CapacityKey = "previewCapacity";

    public int Count => Rooms.Count;

    /// <summary>The most shards any capacity makes (30), which bounds a preview's <c>loadBalancerShard</c>.</summary>
    public static int MaxShards => For(MaxCapacity).Count;

    /// <summary>The layout for <paramref name="capacity"/> previews (1–<see cref="MaxCapacity"/>).</summary>
    public static PreviewShardLayout For(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        var extra = capacity <= EnvironmentShardRoom ? 0 : (capacity - EnvironmentShardRoom + DedicatedShardRoom - 1) / DedicatedShardRoom;
        return new PreviewShardLayout(capacity, [EnvironmentShardRoom, .. Enumerable.Repeat(DedicatedShardRoom, extra)]);
    }
}
