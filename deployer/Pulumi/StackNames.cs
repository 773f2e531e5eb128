using Deployments.Infra.Naming;

namespace Deployments.Deployer.Pulumi;

/// <summary>
/// Stack names as backends print them: <c>dev</c> for the current project on a file backend,
/// <c>org/project/dev</c> otherwise (https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack_ls/). Compared and shortened here only.
/// </summary>
public static class StackNames
{
    public static string Short(string name) => name[(name.LastIndexOf('/') + 1)..];

    /// <summary>
    /// Whether a listed stack is the one named (short or qualified): same name, and same organization and project
    /// where both say one.
    /// </summary>
    public static bool Same(string listed, string stack)
    {
        if (!StackName.TryParse(listed, out var a) || !StackName.TryParse(stack, out var b)) return false;
        return a.Name == b.Name && Agree(a.Organization, b.Organization) && Agree(a.Project, b.Project);
    }

    private static bool Agree(string? x, string? y) => x is null || y is null || x == y;
}
