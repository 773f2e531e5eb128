namespace Deployments.Deployer.Pulumi;

/// <summary>
/// Stack names as backends print them: <c>dev</c> for the current project on a file backend,
/// <c>organization/project/dev</c> otherwise (https://www.pulumi.com/docs/iac/cli/commands/). Compared and shortened here only.
/// </summary>
public static class StackNames
{
    public static string Short(string name) => name[(name.LastIndexOf('/') + 1)..];

    public static bool Same(string listed, string stack) => Short(listed) == stack;
}
