using Deployments.Infra.Config;

namespace Deployments.Infra.Naming;

/// <summary>
/// A stack as a person names it: <c>staging</c>, <c>org/staging</c> or <c>org/project/staging</c>, the forms the CLI's
/// <c>--stack</c> accepts (https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack/). Each part is 1–100 of
/// <c>[A-Za-z0-9_.-]</c> (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/tokens/stack_name.go). A stack
/// reference needs the full <c>org/project/stack</c>: the missing parts come from the backend — the YAML host passes
/// <c>PULUMI_ORGANIZATION</c> and <c>PULUMI_PROJECT</c> (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go),
/// and DIY backends' organization is always the literal <see cref="DiyOrganization"/>. Parsed and qualified here only.
/// </summary>
public sealed record StackName(string? Organization, string? Project, string Name)
{
    /// <summary>The organization of every stack on a DIY (file, S3, …) backend.</summary>
    public const string DiyOrganization = "organization";

    public const string Allowed = "a stack name (1-100 of A-Z a-z 0-9 _ . -, not . or ..), optionally qualified as org/stack or org/project/stack";

    public static bool TryParse(string text, out StackName name)
    {
        name = new StackName(null, null, "");
        if (!ConfigPatterns.StackReference().IsMatch(text)) return false;
        var parts = text.Split('/');
        // "." and ".." are legal characters but would name other directories in a stack file's path.
        if (parts.Any(p => p is "." or "..")) return false;
        name = parts.Length switch
        {
            1 => new StackName(null, null, parts[0]),
            2 => new StackName(parts[0], null, parts[1]),
            _ => new StackName(parts[0], parts[1], parts[2]),
        };
        return true;
    }

    /// <summary>The fully qualified name a StackReference needs, the parts not given taken from the stack's own backend and project.</summary>
    public string Qualified(string organization, string project) => $"{Organization ?? organization}/{Project ?? project}/{Name}";

    /// <summary>As given, for the CLI's <c>--stack</c> (which fills in the rest itself).</summary>
    public override string ToString() => string.Join('/', new[] { Organization, Project, Name }.OfType<string>());
}
