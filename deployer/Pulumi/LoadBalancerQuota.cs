using System.Text.RegularExpressions;

namespace Deployments.Deployer.Pulumi;

/// <summary>
/// The Elastic Load Balancing quotas a preview can run into, by the error code AWS answers with (ELBv2 API:
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html,
/// API_CreateTargetGroup.html) and what each one means here. The limits are those of
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html.
/// </summary>
public sealed partial record LoadBalancerQuota(string Code, string What, string Advice)
{
    /// <summary><c>TooManyRules</c>: "The maximum number of rules on load balancer … has been reached" (CreateRule).</summary>
    public static readonly LoadBalancerQuota Rules = new("TooManyRules",
        "its load balancer already holds the most rules it may (Rules per Application Load Balancer: 100 by default, default rules not counted)",
        "raise the parent environment's previewCapacity (it adds load balancers) and update the environment, or remove previews (preview prune) or rules someone else added to that load balancer; the quota itself can be raised in Service Quotas");

    /// <summary><c>TooManyUniqueTargetGroupsPerLoadBalancer</c>: "You have reached the maximum number of unique target groups
    /// that you can associate with a load balancer of type 'application': [100]" (CreateRule).</summary>
    public static readonly LoadBalancerQuota TargetGroupsPerLoadBalancer = new("TooManyUniqueTargetGroupsPerLoadBalancer",
        "its load balancer is already associated with the most target groups it may be (100 per Application Load Balancer, not adjustable)",
        "raise the parent environment's previewCapacity (it adds load balancers) and update the environment, or remove previews (preview prune) or target groups someone else attached to that load balancer");

    /// <summary><c>TooManyTargetGroups</c>: "You've reached the limit on the number of target groups for your Amazon Web Services account" (CreateTargetGroup).</summary>
    public static readonly LoadBalancerQuota TargetGroupsPerRegion = new("TooManyTargetGroups",
        "the account already has the most target groups it may have in this region (3,000 by default, adjustable)",
        "remove target groups nothing uses (preview prune removes stale previews' ones) or ask for a higher 'Target Groups per Region' quota in Service Quotas");

    private static readonly LoadBalancerQuota[] All = [Rules, TargetGroupsPerLoadBalancer, TargetGroupsPerRegion];

    [GeneratedRegex(@"\b(TooManyRules|TooManyUniqueTargetGroupsPerLoadBalancer|TooManyTargetGroups)\b")]
    private static partial Regex Codes();

    /// <summary>The quota named in the CLI's output, or null.</summary>
    public static LoadBalancerQuota? Find(string text) =>
        Codes().Match(text) is { Success: true } match ? All.First(q => q.Code == match.Groups[1].Value) : null;
}
