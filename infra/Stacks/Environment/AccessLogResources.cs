using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// Where the ALB writes its access logs: an existing bucket by name, or a bucket created here — private (public
/// access block), encrypted with SSE-S3 (the only server-side encryption ELB log delivery supports), objects expiring
/// after the configured days, and a policy that lets only ELB log delivery write, only under this account's prefix,
/// only over TLS (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
/// </summary>
public static class AccessLogResources
{
    /// <summary>The ALB's <c>accessLogs</c> block and the resources the ALB must wait for (ELB checks it can write when logging is turned on).</summary>
    public sealed record Result(Props AccessLogs, IReadOnlyList<string> DependsOn);

    public static Result Add(PulumiTemplate template, EnvironmentNames names, AccessLogSettings settings, string region, bool protect)
    {
        if (settings.ExistingBucket is not null)
            return new Result(Block(settings.ExistingBucket), []);

        var bucket = template.Add(new TemplateResource(LogicalNames.AccessLogsBucket, "aws:s3:Bucket", new Props
        {
            // Bucket names are global across accounts: AWS appends a unique suffix to the prefix.
            ["bucketPrefix"] = names.AccessLogsBucketPrefix,
            // A protected environment keeps its logs: destroying it fails while the bucket holds objects.
            ["forceDestroy"] = !protect,
        }, new ResourceOptions { Protect = protect }));
        var bucketName = bucket.Out("bucket");
        var publicAccess = template.Add(new TemplateResource(LogicalNames.AccessLogsPublicAccessBlock, "aws:s3:BucketPublicAccessBlock", new Props
        {
            ["bucket"] = bucketName,
            ["blockPublicAcls"] = true,
            ["blockPublicPolicy"] = true,
            ["ignorePublicAcls"] = true,
            ["restrictPublicBuckets"] = true,
        }));
        template.Add(new TemplateResource(LogicalNames.AccessLogsEncryption, "aws:s3:BucketServerSideEncryptionConfiguration", new Props
        {
            ["bucket"] = bucketName,
            ["rules"] = new[] { new Props { ["applyServerSideEncryptionByDefault"] = new Props { ["sseAlgorithm"] = "AES256" } } },
        }));
        template.Add(new TemplateResource(LogicalNames.AccessLogsLifecycle, "aws:s3:BucketLifecycleConfiguration", new Props
        {
            ["bucket"] = bucketName,
            ["rules"] = new[]
            {
                new Props
                {
                    ["id"] = "expire-access-logs",
                    ["status"] = "Enabled",
                    ["filter"] = new Props { ["prefix"] = "" },
                    ["expiration"] = new Props { ["days"] = settings.ExpirationDays },
                    ["abortIncompleteMultipartUpload"] = new Props { ["daysAfterInitiation"] = 1 },
                },
            },
        }));
        var policy = template.Add(new TemplateResource(LogicalNames.AccessLogsPolicy, "aws:s3:BucketPolicy", new Props
        {
            ["bucket"] = bucketName,
            ["policy"] = Policies.Document(
            [
                new Props
                {
                    ["Sid"] = "ElbLogDelivery",
                    ["Effect"] = "Allow",
                    ["Principal"] = ElbLogDelivery.Principal(region),
                    ["Action"] = "s3:PutObject",
                    ["Resource"] = Expr.Interpolate(bucket.Out("arn"), $"/{AccessLogSettings.Prefix}/AWSLogs/", Expr.Ref(Policies.AccountVariable), "/*"),
                },
                new Props
                {
                    ["Sid"] = "TlsOnly",
                    ["Effect"] = "Deny",
                    ["Principal"] = "*",
                    ["Action"] = "s3:*",
                    ["Resource"] = new object[] { bucket.Out("arn"), Expr.Interpolate(bucket.Out("arn"), "/*") },
                    ["Condition"] = new Props { ["Bool"] = new Props { ["aws:SecureTransport"] = "false" } },
                },
            ]),
        }, new ResourceOptions { DependsOn = [publicAccess.Name] }));
        return new Result(Block(bucketName), [policy.Name]);
    }

    private static Props Block(object bucket) => new()
    {
        ["bucket"] = bucket,
        ["prefix"] = AccessLogSettings.Prefix,
        ["enabled"] = true,
    };
}
