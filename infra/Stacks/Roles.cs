using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>IAM roles for ECS tasks: execution (pull, logs, secrets) and task (what the app may call) kept apart.</summary>
public static class Roles
{
    public static TemplateResource AddRole(PulumiTemplate template, string logicalName, string name, string description) =>
        template.Add(new TemplateResource(logicalName, "aws:iam:Role", new Props
        {
            ["name"] = name,
            ["description"] = description,
            ["assumeRolePolicy"] = Policies.EcsTasksTrust(),
        }));

    public static TemplateResource AddInlinePolicy(PulumiTemplate template, string logicalName, TemplateResource role, Props document) =>
        template.Add(new TemplateResource(logicalName, "aws:iam:RolePolicy", new Props
        {
            ["role"] = role.Out("id"),
            ["policy"] = document,
        }));
}
