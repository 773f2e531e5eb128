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
        template.AddOutput(OutputNames.StackKind, "preview");
        template.AddOutput(OutputNames.Branch, settings.Branch);
        template.AddOutput(OutputNames.Slug, names.Slug);
        template.AddOutput(OutputNames.Region, settings.Region);
        template.AddOutput(OutputNames.Host, host);
        template.AddOutput(OutputNames.Url, Expr.Interpolate(parent(OutputNames.UrlScheme), "://", host is Expr e ? e : Expr.Interpolate((string)host)));
        template.AddOutput(OutputNames.HealthCheckPath, settings.App.HealthCheckPath);
        template.AddOutput(OutputNames.ClusterArn, parent(OutputNames.ClusterArn));
        template.AddOutput(OutputNames.ServiceName, service.Out("name"));
        template.AddOutput(OutputNames.TargetGroupArn, targetGroup.Out("arn"));
        template.AddOutput(OutputNames.RulePriority, settings.RulePriority);
        // 0 while an instance preview's first deploy waits for its migration: the deployer then migrates before starting it.
        template.AddOutput(OutputNames.DesiredCount, settings.DesiredCount);
        template.AddOutput(OutputNames.AppTaskDefinitionArn, appTask.Out("arn"));
        template.AddOutput(OutputNames.ImageTag, settings.App.ImageTag);
        template.AddOutput(OutputNames.MigrationImageTag, settings.App.MigrationImageTag);
        template.AddOutput(OutputNames.DatabaseStrategy, settings.DatabaseStrategy);
        // Only a persistent database needs the migration step before the roll; a sidecar starts empty in each task,
        // which migrates it itself (its "migrate" container) before the app starts.
        template.AddOutput(OutputNames.MigrationRequired, settings.DatabaseStrategy == DatabaseStrategies.Instance);
        template.AddOutput(OutputNames.MigrationInTask, PreviewDatabase.MigratesInTask(settings));
        MigrationOutputs.Add(template, migrationTask, parent(OutputNames.ClusterArn), parent(OutputNames.PrivateSubnetIds), tasksSecurityGroup.Out("id"),
            logGroup.Out("name"), settings.App.MigrationCommand);
    }
}
