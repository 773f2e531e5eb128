using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Policy;

/// <summary>
/// Issue 10 §6: production passes every AWSGuard resource policy except the ones <see cref="AwsGuardExemptions"/>
/// lists with their reason, and the check is not vacuous: a bad template fails it, also through the load-balancer
/// policies that only know the older type names.
/// </summary>
[Category("policy")]
[NonParallelizable]
public class AwsGuardTests
{
    [Test]
    public void Production_passes_every_mandatory_awsguard_policy()
    {
        // Arrange
        var production = StackFixtures.CompileJson("production", StackFixtures.FromStackFile("production"));

        // Act
        var result = AwsGuardCheck.Run(AwsGuardExemptions.Disabled.Keys, ("production", production));

        // Assert: nothing violated, and the policies that matter for our resources did run.
        result.Violations.ShouldBeEmpty(result.ToString());
        foreach (var pair in new[]
        {
            "elbAccessLoggingEnabled aws:elasticloadbalancingv2/loadBalancer:LoadBalancer",
            "elbDeletionProtectionEnabled aws:applicationloadbalancing/loadBalancer:LoadBalancer",
            "albHttpToHttpsRedirection aws:elasticloadbalancingv2/listener:Listener",
            "rdsStorageEncrypted aws:rds/instance:Instance",
            "rdsInstanceMultiAZEnabled aws:rds/instance:Instance",
        })
            result.Checked.ShouldContain(pair);
        // Stack policies read deployed resources through the AWS API; there are none before a deploy.
        result.NotRun.ShouldBe(new[] { "acmCertificateExpiration", "iamAccessKeysRotated" }, ignoreOrder: true);
    }

    [Test]
    public void The_check_fails_on_a_bad_template_and_names_each_violation()
    {
        // Arrange: an unencrypted, public, single-AZ database without backups; an ALB without logs or deletion
        // protection, whose HTTP listener forwards instead of redirecting to HTTPS; an unlogged bucket.
        const string bad = """
            {"resources": {
              "db": {"type": "aws:rds:Instance", "properties": {"storageEncrypted": false, "publiclyAccessible": true, "multiAz": false, "backupRetentionPeriod": 0}},
              "alb": {"type": "aws:lb:LoadBalancer", "properties": {"loadBalancerType": "application"}},
              "http": {"type": "aws:lb:Listener", "properties": {"protocol": "HTTP", "defaultActions": [{"type": "forward", "targetGroupArn": "x"}]}},
              "logs": {"type": "aws:s3:Bucket", "properties": {}}
            }}
            """;

        // Act
        var result = AwsGuardCheck.Run([], ("bad", bad));

        // Assert
        result.Violations.Select(v => $"{v.Resource} {v.Key}").Distinct().Order(StringComparer.Ordinal).ShouldBe(new[]
        {
            "alb elbAccessLoggingEnabled",
            "alb elbDeletionProtectionEnabled",
            "db rdsInstanceBackupEnabled",
            "db rdsInstanceMultiAZEnabled",
            "db rdsInstancePublicAccess",
            "db rdsStorageEncrypted",
            "http albHttpToHttpsRedirection",
            "logs s3BucketLoggingEnabled",
        });
        // The load-balancer policies match only the older type names, under which aws:lb resources are also checked.
        result.Violations.Where(v => v.Resource == "alb").Select(v => v.Type).Distinct().Order(StringComparer.Ordinal).ShouldBe(new[]
        {
            "aws:applicationloadbalancing/loadBalancer:LoadBalancer", "aws:elasticloadbalancingv2/loadBalancer:LoadBalancer",
        });
    }

    [Test]
    public void A_disabled_policy_is_not_run()
    {
        const string bucket = """{"resources": {"logs": {"type": "aws:s3:Bucket", "properties": {}}}}""";

        var result = AwsGuardCheck.Run(AwsGuardExemptions.Disabled.Keys, ("bucket", bucket));

        result.Violations.ShouldBeEmpty();
    }
}
