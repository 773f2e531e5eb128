using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Preview;

/// <summary>The preview's outputs: what the deployer reports (URL) and needs (migration task, service to verify).</summary>
public static class PreviewOutputs
{
    public static void Add(PulumiTemplate template, PreviewSettings settings, PreviewNames names, object host,
        Func<string, Expr> parent, TemplateResource service, TemplateResource appTask, TemplateResource migrationTask,
        TemplateResource targetGroup, TemplateResource tasksSecurityGroup, TemplateResource logGroup)
    {
        template.AddOutput("stackKind", "preview");
        template.AddOutput("branch", settings.Branch);
        template.AddOutput("slug", names.Slug);
        template.AddOutput("region", settings.Region);
        template.AddOutput("host", host);
        template.AddOutput("url", Expr.Interpolate(parent("urlScheme"), "://", host is Expr e ? e : Expr.Interpolate((string)host)));
        template.AddOutput("healthCheckPath", settings.App.HealthCheckPath);
        template.AddOutput("clusterArn", parent("clusterArn"));
        template.AddOutput("serviceName", service.Out("name"));
        template.AddOutput("targetGroupArn", targetGroup.Out("arn"));
        template.AddOutput("rulePriority", settings.RulePriority);
        // 0 while an instance preview's first deploy waits for its migration: the deployer then migrates before starting it.
        template.AddOutput("desiredCount", settings.DesiredCount);
        template.AddOutput("appTaskDefinitionArn", appTask.Out("arn"));
        template.AddOutput("imageTag", settings.App.ImageTag);
        template.AddOutput("migrationImageTag", settings.App.MigrationImageTag);
        template.AddOutput("databaseStrategy", settings.DatabaseStrategy);
        // Only a persistent database needs the migration step before the roll; a sidecar starts empty in each task,
        // which migrates it itself (its "migrate" container) before the app starts.
        template.AddOutput("migrationRequired", settings.DatabaseStrategy == DatabaseStrategies.Instance);
        template.AddOutput("migrationInTask", PreviewDatabase.MigratesInTask(settings));
        MigrationOutputs.Add(template, migrationTask, parent("clusterArn"), parent("privateSubnetIds"), tasksSecurityGroup.Out("id"),
            logGroup.Out("name"), settings.App.MigrationCommand);
    }
}
