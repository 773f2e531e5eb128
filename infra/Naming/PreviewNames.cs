namespace Deployments.Infra.Naming;

/// <summary>
/// Every name a preview stack emits, derived from the app name and the branch, each fitted to its limit by
/// <see cref="NameFitter"/>. AWS names carry the preview marker (<c>app-pv-slug</c>): with plain <c>app-slug</c>
/// a branch called "staging" would get the staging environment's service, target group and database names.
/// </summary>
public sealed record PreviewNames(
    string Branch, string Slug, string StackName, string HostLabel, string TargetGroupName, string ServiceName,
    string TaskFamily, string MigrationTaskFamily, string LogGroupName, string DatabaseIdentifier,
    string DatabaseSecurityGroupName, string DatabaseSubnetGroupName)
{
    /// <summary>The preview's own task execution role (IAM role names are account-wide).</summary>
    public string ExecutionRoleName { get; init; } = "";

    /// <summary>The security group of the preview's tasks (shares the per-VPC namespace with the database's).</summary>
    public string TasksSecurityGroupName { get; init; } = "";

    /// <summary>The preview's stack name: it depends on the branch (and fork) only, so it is known before the parent is read.</summary>
    public static string StackNameFor(string branch, string? headRepository = null) => StackNameFor(new PreviewSource(branch, headRepository));

    public static string StackNameFor(PreviewSource source) => StackNameFor(BranchSlug.From(source.Key), source.Key);

    /// <summary>True for names this module gives preview stacks; environment names cannot start so (see <see cref="NameRules"/>).</summary>
    public static bool IsPreviewStack(string stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return stack.StartsWith(StackPrefix, StringComparison.Ordinal);
    }

    /// <exception cref="ArgumentException">The app name or the branch is not valid.</exception>
    public static PreviewNames For(string appName, string branch, string? headRepository = null) =>
        For(appName, new PreviewSource(branch, headRepository));

    /// <summary>The names of a preview of <paramref name="source"/>: its <see cref="PreviewSource.Key"/> is what is slugged and hashed.</summary>
    /// <exception cref="ArgumentException">The app name is not valid.</exception>
    public static PreviewNames For(string appName, PreviewSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!NameRules.TryValidateAppName(appName, out var message)) throw new ArgumentException($"app name {message}", nameof(appName));
        var branch = source.Key;
        var slug = BranchSlug.From(branch);
        var aws = AwsNamePrefix(appName);
        string Fit(string prefix, string suffix, int max) => NameFitter.Fit(prefix, slug, suffix, max, branch);
        return new PreviewNames(
            Branch: source.Branch,
            Slug: slug.Value,
            StackName: StackNameFor(slug, branch),
            HostLabel: Fit("", "", NameLimits.DnsLabel),
            TargetGroupName: Fit(aws, "", NameLimits.TargetGroup),
            ServiceName: Fit(aws, "", NameLimits.Ecs),
            TaskFamily: Fit(aws, "", NameLimits.Ecs),
            MigrationTaskFamily: Fit(aws, BranchSlug.MigrateSuffix, NameLimits.Ecs),
            LogGroupName: Fit($"/deployments/{appName}/preview/", "", NameLimits.LogGroup),
            DatabaseIdentifier: Fit(aws, "", NameLimits.DbInstance),
            DatabaseSecurityGroupName: Fit(aws, "-db", NameLimits.SecurityGroup),
            DatabaseSubnetGroupName: Fit(aws, "-db", NameLimits.DbSubnetGroup))
        {
            ExecutionRoleName = Fit(aws, "-execution", NameLimits.IamRole),
            TasksSecurityGroupName = Fit(aws, "-tasks", NameLimits.SecurityGroup),
        };
    }

    /// <summary>What every preview AWS name of <paramref name="appName"/> starts with (<c>app-pv-</c>); IAM policies match on it.</summary>
    public static string AwsNamePrefix(string appName) => $"{appName}-{NameRules.PreviewMarker}-";

    /// <summary>What every preview stack name starts with; environment names cannot (see <see cref="NameRules"/>).</summary>
    public const string StackPrefix = "preview-";

    private static string StackNameFor(BranchSlug slug, string branch) => NameFitter.Fit(StackPrefix, slug, "", NameLimits.StackName, branch);
}
