using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Preview;

/// <summary>
/// Compiles one branch's preview. It reads the parent environment through a StackReference and owns only what
/// the branch needs: task definitions, a service on the parent's cluster, a target group, a host rule on the
/// parent's listener, a log group, its own task security group and execution role, and its database if the strategy gives it one.
/// Nothing here can modify a parent resource, so destroying a preview never touches shared infrastructure.
/// </summary>
public static class PreviewStack
{
    public static PulumiTemplate Build(PreviewSettings settings, string project, string stack)
    {
        var names = PreviewNames.For(settings.App.AppName, settings.Branch, settings.HeadRepository);
        var template = new PulumiTemplate(project, $"{settings.App.AppName} preview of branch {names.Slug}");
        AwsProvider.Add(template, settings.Region, StackTags.For(settings.App.AppName, stack, names.Slug));
        template.Add(new TemplateResource(LogicalNames.Parent, "pulumi:pulumi:StackReference",
            new Props { ["name"] = settings.ParentStack }));
        Policies.AddLookups(template);
        var parent = (string key) => Expr.StackOutput(LogicalNames.Parent, key);

        var host = settings.Host is not null ? (object)settings.Host : Expr.Interpolate(names.HostLabel + ".", parent(OutputNames.PreviewDomain));
        var logGroup = LogGroups.Add(template, names.LogGroupName, settings.App.LogRetentionDays);
        var targetGroup = Routing.AddTargetGroup(template, names.TargetGroupName, settings.App.ContainerPort, parent(OutputNames.VpcId),
            settings.App.HealthCheckPath, deregistrationDelaySeconds: 5);
        var shard = new PreviewShard(settings.LoadBalancerShard);
        var rule = Routing.AddListenerRule(template, shard.ListenerArn(parent), settings.RulePriority, targetGroup, Routing.HostCondition(host));
        var tasksSg = SecurityGroups.AddFromAlb(template, LogicalNames.ServiceSecurityGroup, names.TasksSecurityGroupName,
            $"Preview {names.Slug}: container port from the load balancer", parent(OutputNames.VpcId), settings.App.ContainerPort,
            shard.SecurityGroupId(parent));
        shard.AddRecord(template, host);

        var database = PreviewDatabase.Add(template, settings, names, tasksSg, parent);
        TaskEgress.Add(template, tasksSg, settings.TaskEgress, parent(OutputNames.VpcCidr),
            settings.DatabaseStrategy == DatabaseStrategies.Instance ? Expr.Ref(LogicalNames.DatabaseSecurityGroup, "id") : null);
        var executionRole = PreviewRoles.AddExecutionRole(template, settings, names, logGroup, parent, database.SecretArn);
        // Previews deregister old revisions: nothing of a destroyed preview may stay behind.
        var migration = AppContainers.Migration(settings.App, Image(parent, settings.App.MigrationImageTag), logGroup.Out("name"), settings.Region,
            database.Environment, database.Secrets);
        var (appTask, migrationTask) = new AppTaskDefinitions(settings.App, names.TaskFamily, names.MigrationTaskFamily,
            executionRole.Out("arn"), parent(OutputNames.PreviewTaskRoleArn),
            PreviewDatabase.WithSidecar(settings, AppContainers.App(settings.App, Image(parent, settings.App.ImageTag),
                logGroup.Out("name"), settings.Region, database.Environment, database.Secrets), migration),
            migration, KeepOldRevisions: false).AddTo(template);
        var service = Services.Add(template, LogicalNames.Service, new ServiceSpec
        {
            Name = names.ServiceName,
            Cluster = parent(OutputNames.ClusterArn),
            TaskDefinition = appTask,
            DesiredCount = settings.DesiredCount,
            Spot = settings.App.Spot,
            Subnets = parent(OutputNames.PrivateSubnetIds),
            SecurityGroupIds = new[] { tasksSg.Out("id") },
            TargetGroupArn = targetGroup.Out("arn"),
            ContainerPort = settings.App.ContainerPort,
            MinHealthyPercent = settings.App.MinHealthyPercent,
            MaxPercent = settings.App.MaxPercent,
            HealthCheckGraceSeconds = settings.App.HealthCheckGraceSeconds,
            DependsOn = [rule.Name],
        });

        if (settings.Schedule is { } schedule)
            PreviewScheduleResources.Add(template, schedule, settings.DesiredCount, parent(OutputNames.ClusterName), service, names.ServiceName);

        PreviewOutputs.Add(template, settings, names, host, parent, service, appTask, migrationTask, targetGroup, tasksSg, logGroup);
        return template;
    }

    private static Expr Image(Func<string, Expr> parent, string tag) => Expr.Interpolate(parent(OutputNames.PreviewRepositoryUrl), ":" + tag);
}
