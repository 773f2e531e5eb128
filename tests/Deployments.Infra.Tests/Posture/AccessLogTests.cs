using Deployments.Infra.Stacks;
using Deployments.Infra.Stacks.Environment;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Posture;

/// <summary>Issue 10 §6: ALB access logs, on by default in production, into a bucket only ELB log delivery can write.</summary>
public class AccessLogTests
{
    [Test]
    public void Production_load_balancer_writes_access_logs_after_the_bucket_policy_exists()
    {
        // Arrange / Act
        var template = StackFixtures.Production();

        // Assert
        template.HasResourceProperties("aws:lb:LoadBalancer", new
        {
            accessLogs = new { bucket = "${access-logs-bucket.bucket}", prefix = "alb", enabled = true },
        });
        TemplateAssert.Matches(template.Resource("load-balancer")["options"], new { protect = true, dependsOn = new[] { "${access-logs-policy}" } }, "load balancer options");
    }

    [Test]
    public void The_bucket_is_private_sse_s3_encrypted_expiring_and_kept_with_a_protected_stack()
    {
        var template = StackFixtures.Production();

        template.HasResourceProperties("aws:s3:Bucket", new { bucketPrefix = "shop-production-alb-logs-", forceDestroy = false });
        TemplateAssert.Matches(template.Resource(LogicalNames.AccessLogsBucket)["options"], new { protect = true }, "bucket options");
        template.HasResourceProperties("aws:s3:BucketPublicAccessBlock", new
        {
            bucket = "${access-logs-bucket.bucket}", blockPublicAcls = true, blockPublicPolicy = true, ignorePublicAcls = true, restrictPublicBuckets = true,
        });
        template.HasResourceProperties("aws:s3:BucketServerSideEncryptionConfiguration", new
        {
            rules = new[] { new { applyServerSideEncryptionByDefault = new { sseAlgorithm = "AES256" } } },
        });
        template.HasResourceProperties("aws:s3:BucketLifecycleConfiguration", new
        {
            rules = new[] { new { status = "Enabled", expiration = new { days = 90 } } },
        });
    }

    [Test]
    public void Only_elb_log_delivery_may_write_and_only_under_this_account_prefix()
    {
        var template = StackFixtures.Production("accessLogsExpirationDays=30");

        var policy = template.HasResourceProperties("aws:s3:BucketPolicy", new { bucket = "${access-logs-bucket.bucket}" });
        TemplateAssert.Matches(policy["properties"]!["policy"]!["fn::toJSON"], new
        {
            Statement = new object[]
            {
                new
                {
                    Effect = "Allow",
                    Principal = new { AWS = "arn:${partition}:iam::156460612806:root" },
                    Action = "s3:PutObject",
                    Resource = "${access-logs-bucket.arn}/alb/AWSLogs/${account}/*",
                },
                new { Effect = "Deny", Condition = new { Bool = new Dictionary<string, string> { ["aws:SecureTransport"] = "false" } } },
            },
        }, "bucket policy");
        template.HasResourceProperties("aws:s3:BucketLifecycleConfiguration", new { rules = new[] { new { expiration = new { days = 30 } } } });
    }

    [Test]
    public void The_bucket_prefix_fits_the_providers_37_characters_with_the_longest_names()
    {
        var names = Infra.Naming.EnvironmentNames.For(new string('a', Infra.Naming.NameRules.MaxAppNameLength),
            new string('e', Infra.Naming.NameRules.MaxEnvironmentLength));

        names.AccessLogsBucketPrefix.Length.ShouldBeLessThanOrEqualTo(37);
        names.AccessLogsBucketPrefix.ShouldEndWith("-alb-logs-");
    }

    [TestCase("us-east-1", "127311923021")]
    [TestCase("eu-west-1", "156460612806")]
    [TestCase("ap-southeast-3", "589379963580")]
    public void Regions_available_before_august_2022_grant_their_elb_account(string region, string account) =>
        ElbLogDelivery.Principal(region)["AWS"]!.ToString().ShouldBe($"arn:${{partition}}:iam::{account}:root");

    [TestCase("ap-southeast-5")]
    [TestCase("ca-west-1")]
    [TestCase("il-central-1")]
    public void Newer_regions_grant_the_log_delivery_service_principal(string region)
    {
        var policy = StackFixtures.Production($"aws:region={region}").HasResourceProperties("aws:s3:BucketPolicy", new { });

        TemplateAssert.Matches(policy["properties"]!["policy"]!["fn::toJSON"]!["Statement"]![0], new
        {
            Principal = new { Service = "logdelivery.elasticloadbalancing.amazonaws.com", AWS = TemplateAssert.Absent },
        }, "log delivery statement");
    }

    [Test]
    public void An_existing_bucket_is_used_by_name_and_nothing_is_created()
    {
        var template = StackFixtures.Production("accessLogsBucket=org-central-alb-logs");

        template.HasResourceProperties("aws:lb:LoadBalancer", new { accessLogs = new { bucket = "org-central-alb-logs", enabled = true } });
        foreach (var type in new[] { "aws:s3:Bucket", "aws:s3:BucketPolicy", "aws:s3:BucketPublicAccessBlock", "aws:s3:BucketLifecycleConfiguration" })
            template.ResourceCountIs(type, 0);
    }

    [Test]
    public void Access_logs_are_off_by_default_outside_production_and_can_be_turned_on_or_off()
    {
        StackFixtures.Staging().HasResourceProperties("aws:lb:LoadBalancer", new { accessLogs = TemplateAssert.Absent });
        StackFixtures.Staging().ResourceCountIs("aws:s3:Bucket", 0);
        StackFixtures.Staging("accessLogs=true").HasResourceProperties("aws:s3:Bucket", new { forceDestroy = true });
        StackFixtures.Production("accessLogs=false").HasResourceProperties("aws:lb:LoadBalancer", new { accessLogs = TemplateAssert.Absent });
    }
}
