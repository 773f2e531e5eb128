namespace Deployments.Infra.Tests.Policy;

/// <summary>
/// The one list of AWSGuard policies production does not have to pass, each with the reason it does not fit the
/// design. Every other policy of the pack is mandatory for production (<see cref="AwsGuardTests"/>).
/// </summary>
public static class AwsGuardExemptions
{
    public static readonly IReadOnlyDictionary<string, string> Disabled = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["s3BucketLoggingEnabled"] =
            "The stack's only bucket holds the ALB access logs; logging the requests to it would need a second bucket, whose "
            + "own logging would need a third. The policy (0.3.1) also reads the inline `loggings` of @pulumi/aws v4, which "
            + "the v7 aws:s3:Bucket no longer has (logging is a separate aws:s3:BucketLogging resource), so no v7 bucket can pass it.",
    };
}
