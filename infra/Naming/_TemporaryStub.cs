namespace Deployments.Infra.Naming;
#pragma warning disable
public static class NameRules
{
    public static bool TryValidateAppName(string? value, out string message) { message = "must be 1-16 of a-z0-9-"; return value is { Length: > 0 and <= 16 }; }
    public static bool TryValidateEnvironmentName(string? value, out string message) { message = "must be 1-16 of a-z0-9-"; return value is { Length: > 0 and <= 16 }; }
    public static bool TryValidateBranch(string? value, out string message) { message = "non-empty"; return !string.IsNullOrEmpty(value); }
}
public sealed record PreviewNames(string Branch, string Slug, string StackName, string HostLabel, string TargetGroupName, string ServiceName,
    string TaskFamily, string MigrationTaskFamily, string LogGroupName, string DatabaseIdentifier, string DatabaseSecurityGroupName, string DatabaseSubnetGroupName)
{
    public string ExecutionRoleName => $"{ServiceName}-execution";
    public static PreviewNames For(string a, string b) { var s = b.ToLowerInvariant().Replace('/', '-'); return new(b, s, "preview-" + s, s, a + "-" + s, a + "-" + s, a + "-" + s, a + "-" + s + "-migrate", $"/deployments/{a}/preview/{s}", a + "-" + s, a + "-" + s + "-db", a + "-" + s + "-db"); }
}
public sealed record EnvironmentNames(string Environment, string ClusterName, string LoadBalancerName, string TargetGroupName, string ServiceName,
    string TaskFamily, string MigrationTaskFamily, string LogGroupName, string RepositoryName, string ExecutionRoleName, string TaskRoleName,
    string PreviewExecutionRoleName, string PreviewTaskRoleName, string AlbSecurityGroupName, string ServiceSecurityGroupName, string PreviewSecurityGroupName,
    string DatabaseIdentifier, string DatabaseSecurityGroupName, string DatabaseSubnetGroupName, string PreviewLogGroupPrefix)
{
    public static EnvironmentNames For(string a, string e) { var p = a + "-" + e; return new(e, p, p, p, p, p, p + "-migrate", $"/deployments/{a}/{e}", p, p + "-execution", p + "-task", p + "-preview-execution", p + "-preview-task", p + "-alb", p + "-service", p + "-preview", p, p + "-db", p + "-db", $"/deployments/{a}/preview/"); }
}
