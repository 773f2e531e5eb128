using Deployments.Infra.Config;

namespace Deployments.Infra.Stacks;

/// <summary>
/// A service released by ECS blue/green, canary or linear: the strategy's settings and what its load balancer's
/// <c>advancedConfiguration</c> names (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AdvancedConfiguration.html).
/// </summary>
public sealed record ServiceTraffic(ReleaseSettings Release, object AlternateTargetGroupArn, object ProductionListenerRuleArn,
    object TestListenerRuleArn, object RoleArn);
