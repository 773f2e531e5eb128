namespace Deployments.Infra.Naming;

/// <summary>
/// Every name a preview stack emits, derived from the app name and the branch. AWS names carry the preview
/// marker (<c>app-pv-slug</c>) so that no branch, not even one called <c>staging</c>, can take an environment's names.
/// </summary>
public sealed record PreviewNames(
    string Branch, string Slug, string StackName, string HostLabel, string TargetGroupName, string ServiceName,
    string TaskFamily, string MigrationTaskFamily, string LogGroupName, string DatabaseIdentifier,
    string DatabaseSecurityGroupName, string DatabaseSubnetGroupName, string ExecutionRoleName, string TasksSecurityGroupName)
{
    /// <summary>The preview's stack name: it depends on the branch only, so it is known before the parent is read.</summary>
    public static string StackNameFor(string branch) => NameFitter.Fit("preview", BranchSlug.From(branch), "", NameLimits.StackName, branch);

    /// <summary>True for names this module gives preview stacks (<c>preview-…</c>); environment names cannot start so.</summary>
    public static bool IsPreviewStack(string stack) => stack.StartsWith("preview-", StringComparison.Ordinal);

    public static PreviewNames For(string appName, string branch)
    {
        var slug = BranchSlug.From(branch);
        var prefix = $"{appName}-{NameRules.PreviewMarker}";
        string Fit(string p, string suffix, int max) => NameFitter.Fit(p, slug, suffix, max, branch);
        return new PreviewNames(
            Branch: branch,
            Slug: slug.Value,
            StackName: StackNameFor(branch),
            // The slug is at most 40 characters, so it is always a valid DNS label (63).
            HostLabel: slug.Value,
            TargetGroupName: Fit(prefix, "", NameLimits.TargetGroup),
            ServiceName: Fit(prefix, "", NameLimits.Ecs),
            TaskFamily: Fit(prefix, "", NameLimits.Ecs),
            MigrationTaskFamily: Fit(prefix, "migrate", NameLimits.Ecs),
            // At most 16 + 40 + 22 characters: far within the log group limit.
            LogGroupName: $"/deployments/{appName}/preview/{slug.Value}",
            DatabaseIdentifier: Fit(prefix, "", NameLimits.DbInstance),
            DatabaseSecurityGroupName: Fit(prefix, "db", NameLimits.SecurityGroup),
            DatabaseSubnetGroupName: Fit(prefix, "db", NameLimits.DbSubnetGroup),
            ExecutionRoleName: Fit(prefix, "execution", NameLimits.IamRole),
            TasksSecurityGroupName: Fit(prefix, "tasks", NameLimits.SecurityGroup));
    }
}
