namespace Deployments.Infra.Naming;

/// <summary>
/// The names of an environment's CI identities and of the boundary its previews' roles carry. They extend the
/// environment's <c>app-env</c> prefix, so the longest (16 + 1 + 15 + 18 = 50 characters) fits IAM's 64, and
/// none starts with <c>app-pv-</c>: the preview role, which may manage <c>app-pv-*</c> roles, cannot touch them.
/// </summary>
public sealed record CiNames(string DeployRoleName, string PreviewRoleName, string PreviewRolePolicyName,
    string DeployRolePolicyName, string PreviewBoundaryPolicyName, string ReviewRoleName, string DriftRoleName)
{
    /// <exception cref="ArgumentException">The app name or the environment name is not valid.</exception>
    public static CiNames For(string appName, string environment)
    {
        // Validates both inputs the way every environment name is validated.
        var p = $"{appName}-{EnvironmentNames.For(appName, environment).Environment}";
        return new CiNames(
            DeployRoleName: $"{p}-ci-deploy",
            PreviewRoleName: $"{p}-ci-preview",
            PreviewRolePolicyName: $"{p}-ci-preview",
            DeployRolePolicyName: $"{p}-ci-deploy",
            PreviewBoundaryPolicyName: $"{p}-preview-boundary",
            ReviewRoleName: $"{p}-ci-review",
            DriftRoleName: $"{p}-ci-drift");
    }
}
