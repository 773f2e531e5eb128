using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Tests.Pulumi;

/// <summary>
/// AWS's load-balancing quota errors inside <c>pulumi up</c>, as the provider prints them (texts written for these tests in
/// the shape of the AWS SDK for Go's "operation error … api error CODE: message", with the messages of the ELBv2 API),
/// classified by the one classifier: the quota and what to do, never "pulumi up failed".
/// </summary>
public class LoadBalancerQuotaClassifierTests
{
    private static PulumiException Classify(string stderr) =>
        PulumiErrorClassifier.Classify(new CommandResult(["up", "--yes"], 255, "", stderr, TimeSpan.Zero), "preview-feature-x");

    private const string Prefix = "error: update failed: creating ELBv2 Listener Rule: operation error Elastic Load Balancing v2: CreateRule, "
        + "https response error StatusCode: 400, RequestID: 5f9ffd25-3ae7-4b6b-a562-6b9613fbc60f, ";

    [Test]
    public void Too_many_rules_names_the_rule_quota_and_says_to_raise_the_capacity()
    {
        var error = Classify(Prefix + "TooManyRules: The maximum number of rules on load balancer arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/shop-staging/50dc6c495c0c9188 has been reached\n")
            .ShouldBeOfType<LoadBalancerQuotaException>();

        error.Quota.ShouldBe(LoadBalancerQuota.Rules);
        error.ExitCode.ShouldBe(ExitCodes.DeploymentFailed);
        error.Message.ShouldContain("'preview-feature-x' (TooManyRules)");
        error.Message.ShouldContain("Rules per Application Load Balancer: 100");
        error.Message.ShouldContain("raise the parent environment's previewCapacity");
        error.Message.ShouldNotContain("pulumi up failed");
    }

    [Test]
    public void Too_many_unique_target_groups_names_the_fixed_quota()
    {
        var error = Classify(Prefix + "TooManyUniqueTargetGroupsPerLoadBalancer: You have reached the maximum number of unique target groups that you can associate with a load balancer of type 'application': [100]\n")
            .ShouldBeOfType<LoadBalancerQuotaException>();

        error.Quota.ShouldBe(LoadBalancerQuota.TargetGroupsPerLoadBalancer);
        error.Message.ShouldContain("100 per Application Load Balancer, not adjustable");
        error.Message.ShouldContain("previewCapacity");
    }

    [Test]
    public void Too_many_target_groups_in_the_region_is_the_accounts_quota_not_the_capacity()
    {
        var error = Classify("error: update failed: creating ELBv2 Target Group (shop-pv-x): operation error Elastic Load Balancing v2: CreateTargetGroup, "
                + "https response error StatusCode: 400, RequestID: 1b2c, TooManyTargetGroups: You've reached the limit on the number of target groups for your Amazon Web Services account.\n")
            .ShouldBeOfType<LoadBalancerQuotaException>();

        error.Quota.ShouldBe(LoadBalancerQuota.TargetGroupsPerRegion);
        error.Message.ShouldContain("3,000 by default");
        error.Message.ShouldContain("Service Quotas");
    }

    [TestCase("error: update failed: creating ELBv2 Listener Rule: api error PriorityInUse: Priority '7' is currently in use\n")]
    [TestCase("error: TooManyRulesets are not a thing\n")]
    public void Other_failures_are_not_quota_errors(string stderr) =>
        Classify(stderr).ShouldNotBeOfType<LoadBalancerQuotaException>();
}
