using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Preview;

/// <summary>
/// The preview's own execution role: it may pull from the parent's preview repository (never the environment's), write to this preview's log
/// group, and read only this preview's secrets (the parent's preview defaults and its own database's), never
/// another preview's or the environment's.
/// </summary>
public static class PreviewRoles
{
    public static TemplateResource AddExecutionRole(PulumiTemplate template, PreviewSettings settings, PreviewNames names,
        TemplateResource logGroup, Func<string, Expr> parent, Expr? databaseSecretArn)
    {
        var role = Roles.AddRole(template, LogicalNames.ExecutionRole, names.ExecutionRoleName,
            $"ECS task execution role of preview {names.Slug}");
        // The parent's preview role may create roles only with this boundary (see the environment's PreviewRolePolicy).
        role.Properties["permissionsBoundary"] = parent(OutputNames.PreviewBoundaryArn);
        Roles.AddInlinePolicy(template, LogicalNames.ExecutionRolePolicy, role, ExecutionPolicy.Render(
            parent(OutputNames.PreviewRepositoryArn), [LogGroups.StreamsArn(logGroup)], settings.App.Secrets.Values,
            databaseSecretArn is null ? [] : [databaseSecretArn]));
        return role;
    }
}
