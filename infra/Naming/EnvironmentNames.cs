namespace Deployments.Infra.Naming;

/// <summary>
/// Every name an environment stack emits: <c>app-env[-role]</c>, plus log group paths. No fitting is needed: with
/// an app name of at most 16 and an environment name of at most 15 characters (see <see cref="NameRules"/>) the
/// longest, <c>app-env</c> in a 32-character ALB or target group name and <c>app-env-preview-execution</c> in a
/// 64-character IAM role name, fit; a test checks every name with the longest valid inputs.
/// </summary>
public sealed record EnvironmentNames(
    string Environment, string ClusterName, string LoadBalancerName, string TargetGroupName, string ServiceName,
    string TaskFamily, string MigrationTaskFamily, string LogGroupName, string RepositoryName,
    string ExecutionRoleName, string TaskRoleName, string PreviewExecutionRoleName, string PreviewTaskRoleName,
    string AlbSecurityGroupName, string ServiceSecurityGroupName, string PreviewSecurityGroupName,
    string DatabaseIdentifier, string DatabaseSecurityGroupName, string DatabaseSubnetGroupName,
    string PreviewLogGroupPrefix)
{
    /// <summary>
    /// Prefix of the access-log bucket's name; AWS appends a unique suffix (bucket names are global). At most 37
    /// characters (the provider's <c>bucketPrefix</c> limit), so <c>app-env</c> is cut to 27.
    /// </summary>
    public string AccessLogsBucketPrefix => $"{ClusterName[..Math.Min(ClusterName.Length, 27)]}-alb-logs-";

    /// <summary>
    /// The registry pull requests push their images to (<c>app-env-preview</c>), apart from the environment's own, so
    /// no pull request can overwrite a tag the environment runs. No environment can own this name: environment names
    /// may not end in <c>-preview</c> (<see cref="NameRules"/>).
    /// </summary>
    public string PreviewRepositoryName => $"{ClusterName}-preview";

    /// <summary>
    /// The second target group of a blue/green, canary or linear release, which ECS registers the new tasks in
    /// (<c>app-env</c> cut to 28, then <c>-alt</c>: at most the 32 characters of a target group name).
    /// </summary>
    public string AlternateTargetGroupName => $"{NameFitter.Shorten(TargetGroupName, NameLimits.TargetGroup - 4)}-alt";

    /// <summary>The role ECS assumes to move the listener rules between the two target groups (<c>app-env-ecs-lb</c>, ≤ 64).</summary>
    public string LoadBalancerRoleName => $"{ClusterName}-ecs-lb";

    /// <exception cref="ArgumentException">The app name or the environment name is not valid.</exception>
    public static EnvironmentNames For(string appName, string environment)
    {
        if (!NameRules.TryValidateAppName(appName, out var appMessage)) throw new ArgumentException($"app name {appMessage}", nameof(appName));
        if (!NameRules.TryValidateEnvironmentName(environment, out var envMessage)) throw new ArgumentException($"environment name {envMessage}", nameof(environment));
        var p = $"{appName}-{environment}";
        return new EnvironmentNames(
            Environment: environment,
            ClusterName: p,
            // Cannot start with "internal-": NameRules refuses such app names.
            LoadBalancerName: p,
            TargetGroupName: p,
            ServiceName: p,
            TaskFamily: p,
            MigrationTaskFamily: p + BranchSlug.MigrateSuffix,
            LogGroupName: $"/deployments/{appName}/{environment}",
            RepositoryName: p,
            ExecutionRoleName: $"{p}-execution",
            TaskRoleName: $"{p}-task",
            PreviewExecutionRoleName: $"{p}-preview-execution",
            PreviewTaskRoleName: $"{p}-preview-task",
            AlbSecurityGroupName: $"{p}-alb",
            ServiceSecurityGroupName: $"{p}-service",
            PreviewSecurityGroupName: $"{p}-preview",
            DatabaseIdentifier: p,
            DatabaseSecurityGroupName: $"{p}-db",
            DatabaseSubnetGroupName: $"{p}-db",
            PreviewLogGroupPrefix: $"/deployments/{appName}/preview/");
    }
}
