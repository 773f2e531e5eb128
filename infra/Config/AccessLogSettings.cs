namespace Deployments.Infra.Config;

/// <summary>
/// ALB access logs: into a bucket the stack creates (<see cref="ExistingBucket"/> null; objects expire after
/// <see cref="ExpirationDays"/>) or into an existing bucket, whose policy must already let ELB write to it.
/// </summary>
public sealed record AccessLogSettings(string? ExistingBucket, int ExpirationDays)
{
    public const int DefaultExpirationDays = 90;

    /// <summary>The key prefix inside the bucket; ELB appends <c>AWSLogs/&lt;account&gt;/…</c> itself.</summary>
    public const string Prefix = "alb";
}
