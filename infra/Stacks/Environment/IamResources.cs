using System.Security.Cryptography;
using System.Text;
using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// The environment's roles, and the task role its previews share: it has no permissions, so a preview (any
/// branch's code) can call nothing with it. Each preview owns its execution role (see PreviewRoles).
/// </summary>
public static class IamResources
{
    public sealed record Result(TemplateResource ExecutionRole, TemplateResource TaskRole, TemplateResource PreviewTaskRole);

    public static Result Add(PulumiTemplate template, EnvironmentNames names, EnvironmentSettings settings,
        TemplateResource repository, TemplateResource logGroup, Expr? databaseSecretArn)
    {
        var execution = Roles.AddRole(template, LogicalNames.ExecutionRole, names.ExecutionRoleName,
            $"ECS task execution role of {names.Environment}");
        Roles.AddInlinePolicy(template, LogicalNames.ExecutionRolePolicy, execution, ExecutionPolicy.Render(
            repository.Out("arn"), [LogGroups.StreamsArn(logGroup)], settings.App.Secrets.Values,
            databaseSecretArn is null ? [] : [databaseSecretArn]));

        var task = Roles.AddRole(template, LogicalNames.TaskRole, names.TaskRoleName, $"ECS task role of {names.Environment}");
        foreach (var arn in settings.TaskPolicyArns.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            // Named by a hash of the ARN, not by position: reordering the list must not replace attachments.
            template.Add(new TemplateResource($"{LogicalNames.TaskRolePolicyAttachment}-{ShortHash(arn)}", "aws:iam:RolePolicyAttachment",
                new Props { ["role"] = task.Out("name"), ["policyArn"] = arn }));
        }

        var previewTask = Roles.AddRole(template, LogicalNames.PreviewTaskRole, names.PreviewTaskRoleName,
            $"ECS task role of the previews hosted by {names.Environment} (no permissions)");
        return new Result(execution, task, previewTask);
    }

    private static string ShortHash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..8];
}
