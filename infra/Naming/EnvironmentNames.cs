namespace Deployments.Infra.Naming;

/// <summary>
/// Every name an environment stack emits: <c>app-env[-role]</c>. With both parts at most 16 characters (see
/// <see cref="NameRules"/>) every name fits its limit, which a test checks with the longest valid inputs.
/// </summary>
public sealed record EnvironmentNames(
    string Environment, string ClusterName, string LoadBalancerName, string TargetGroupName, string ServiceName,
    string TaskFamily, string MigrationTaskFamily, string LogGroupName, string RepositoryName,
    string ExecutionRoleName, string TaskRoleName, string PreviewTaskRoleName,
    string AlbSecurityGroupName, string ServiceSecurityGroupName,
    string DatabaseIdentifier, string DatabaseSecurityGroupName, string DatabaseSubnetGroupName,
    string PreviewLogGroupPrefix)
{
    public static EnvironmentNames For(string appName, string environment)
    {
        if (!NameRules.TryValidateAppName(appName, out var appMessage)) throw new ArgumentException($"app name {appMessage}", nameof(appName));
        if (!NameRules.TryValidateEnvironmentName(environment, out var envMessage)) throw new ArgumentException($"environment name {envMessage}", nameof(environment));
        var p = $"{appName}-{environment}";
        return new EnvironmentNames(
            Environment: environment,
            ClusterName: p,
            LoadBalancerName: p,
            TargetGroupName: p,
            ServiceName: p,
            TaskFamily: p,
            MigrationTaskFamily: $"{p}-migrate",
            LogGroupName: $"/deployments/{appName}/{environment}",
            RepositoryName: p,
            ExecutionRoleName: $"{p}-execution",
            TaskRoleName: $"{p}-task",
            PreviewTaskRoleName: $"{p}-preview-task",
            AlbSecurityGroupName: $"{p}-alb",
            ServiceSecurityGroupName: $"{p}-service",
            DatabaseIdentifier: p,
            DatabaseSecurityGroupName: $"{p}-db",
            DatabaseSubnetGroupName: $"{p}-db",
            PreviewLogGroupPrefix: $"/deployments/{appName}/preview/");
    }
}
