namespace Deployments.Infra.Config;

/// <summary>The config keys of the template posture (production rules, ALB access logs, task egress).</summary>
public static class PostureKeys
{
    public const string Production = "production";
    public const string AccessLogs = "accessLogs";
    public const string AccessLogsBucket = "accessLogsBucket";
    public const string AccessLogsExpirationDays = "accessLogsExpirationDays";
    public const string TaskEgressOpen = "taskEgressOpen";
    public const string TaskEgressRules = "taskEgressRules";

    /// <summary>The stack name that is production unless <c>production</c> says otherwise.</summary>
    public const string ProductionStackName = "production";

    /// <summary>The tag CI moves on the default branch; a moving tag has no place in an immutable repository.</summary>
    public const string LatestTag = "latest";
}
