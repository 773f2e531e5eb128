namespace Deployments.Deployer.Pulumi;

/// <summary>
/// AWS refused a listener rule or target group inside <c>pulumi up</c> because a load-balancing quota was reached
/// (<see cref="LoadBalancerQuota"/>): the update stopped part-way, so it is a failed deployment (exit 5), said in
/// words that name the quota and what to do, never as a generic failure.
/// </summary>
public sealed class LoadBalancerQuotaException(LoadBalancerQuota quota, string message, CommandResult result) : PulumiException(message, result)
{
    public LoadBalancerQuota Quota { get; } = quota;
}
