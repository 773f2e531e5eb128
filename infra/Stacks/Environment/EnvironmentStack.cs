using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// Compiles a long-lived environment (<c>staging</c>, <c>production</c>): network, cluster, ALB, registry, roles,
/// logs, the app service with auto scaling, its migration task definition, optional database and DNS, and the
/// outputs previews and the deployer read.
/// </summary>
public static class EnvironmentStack
{
    /// <summary>The environment's own rule comes last, so every preview host rule is evaluated first.</summary>
    public const int EnvironmentRulePriority = 50000;

    public static PulumiTemplate Build(EnvironmentSettings settings, string project, string stack)
    {
        var names = EnvironmentNames.For(settings.App.AppName, settings.Environment);
        var template = new PulumiTemplate(project, $"{settings.App.AppName} {settings.Environment} environment");
        AwsProvider.Add(template, settings.Region, StackTags.For(settings.App.AppName, stack));
        Policies.AddLookups(template);

        var network = NetworkResources.Add(template, settings.Network);
        var (cluster, capacityProviders) = ClusterResources.Add(template, names.ClusterName);
        var albSg = SecurityGroups.AddAlb(template, names.AlbSecurityGroupName, network.VpcId);
        var serviceSg = SecurityGroups.AddFromAlb(template, LogicalNames.ServiceSecurityGroup, names.ServiceSecurityGroupName,
            $"{names.ServiceName} tasks: container port from the load balancer", network.VpcId, settings.App.ContainerPort, albSg.Out("id"));

        var previewCertificate = settings.Dns?.PreviewDomain is null ? null : DnsResources.AddPreviewCertificate(template, settings.Dns);
        var listenerCertificate = (object?)settings.CertificateArn ?? previewCertificate;
        var extraCertificate = settings.CertificateArn is null ? null : previewCertificate;
        var accessLogs = settings.AccessLogs is null ? null
            : AccessLogResources.Add(template, names, settings.AccessLogs, settings.Region, settings.Protect);
        var (alb, listener) = LoadBalancerResources.Add(template, names.LoadBalancerName, network, albSg, settings.Protect,
            listenerCertificate, extraCertificate, accessLogs);
        if (settings.Dns is not null) DnsResources.AddRecords(template, settings.Dns, alb);
        Shards.PreviewShardResources.Add(template, settings, names, network, alb, listener, albSg, previewCertificate, accessLogs);

        var (repository, liveImage, migrationImage) = RegistryResources.Add(template, names.RepositoryName, settings);
        var previewRepository = settings.HostsPreviews ? RegistryResources.AddPreviewRepository(template, names.PreviewRepositoryName) : null;
        var logGroup = LogGroups.Add(template, names.LogGroupName, settings.App.LogRetentionDays);

        var database = settings.Database is null ? null : DatabaseResources.Add(template, new DatabaseSpec
        {
            Identifier = names.DatabaseIdentifier,
            SecurityGroupName = names.DatabaseSecurityGroupName,
            SubnetGroupName = names.DatabaseSubnetGroupName,
            VpcId = network.VpcId,
            SubnetIds = network.PrivateSubnetIds,
            ClientSecurityGroupId = serviceSg.Out("id"),
            InstanceClass = settings.Database.InstanceClass,
            AllocatedStorage = settings.Database.AllocatedStorage,
            EngineVersion = settings.Database.EngineVersion,
            DatabaseName = settings.Database.DatabaseName,
            Username = settings.Database.Username,
            MultiAz = settings.Database.MultiAz,
            BackupRetentionDays = settings.Database.BackupRetentionDays,
            Protect = settings.Protect,
        });
        TaskEgress.Add(template, serviceSg, settings.TaskEgress, network.VpcCidr,
            database is null ? null : Expr.Ref(LogicalNames.DatabaseSecurityGroup, "id"));
        var (dbEnvironment, dbSecrets) = database is null
            ? (new Dictionary<string, object>(), new Dictionary<string, object>())
            : DatabaseResources.ContainerSettings(database, settings.Database!.DatabaseName);

        var roles = IamResources.Add(template, names, settings, repository, logGroup,
            database is null ? null : DatabaseResources.SecretArn(database));

        var targetGroup = Routing.AddTargetGroup(template, names.TargetGroupName, settings.App.ContainerPort, network.VpcId,
            settings.App.HealthCheckPath, deregistrationDelaySeconds: 30);
        var productionCondition = settings.Dns?.Host is string host ? Routing.HostCondition(host) : Routing.PathCondition("/*");
        var rule = Routing.AddListenerRule(template, listener.Out("arn"), EnvironmentRulePriority, targetGroup, productionCondition,
            trafficOwnedByEcs: !settings.Release.IsRolling);
        var release = settings.Release.IsRolling ? null
            : ReleaseResources.Add(template, names, settings, network.VpcId, listener, productionCondition);

        // Environments keep old revisions registered so the circuit breaker can roll back to them.
        var (appTask, migrationTask) = new AppTaskDefinitions(settings.App, names.TaskFamily, names.MigrationTaskFamily,
            roles.ExecutionRole.Out("arn"), roles.TaskRole.Out("arn"),
            [AppContainers.App(settings.App, liveImage, logGroup.Out("name"), settings.Region, dbEnvironment, dbSecrets)],
            AppContainers.Migration(settings.App, migrationImage, logGroup.Out("name"), settings.Region, dbEnvironment, dbSecrets),
            KeepOldRevisions: true).AddTo(template);

        var service = Services.Add(template, LogicalNames.Service, new ServiceSpec
        {
            Name = names.ServiceName,
            Cluster = cluster.Out("arn"),
            TaskDefinition = appTask,
            DesiredCount = Scaling(settings).MinTasks,
            Spot = settings.App.Spot,
            Subnets = network.PrivateSubnetIds,
            SecurityGroupIds = new[] { serviceSg.Out("id") },
            TargetGroupArn = targetGroup.Out("arn"),
            ContainerPort = settings.App.ContainerPort,
            MinHealthyPercent = settings.App.MinHealthyPercent,
            MaxPercent = settings.App.MaxPercent,
            HealthCheckGraceSeconds = settings.App.HealthCheckGraceSeconds,
            DependsOn = release is null ? [rule.Name, capacityProviders.Name]
                : [rule.Name, capacityProviders.Name, release.TestRule.Name, release.RolePolicy.Name],
            ScalingOwnsDesiredCount = true,
            Traffic = release is null ? null : new ServiceTraffic(settings.Release, release.AlternateTargetGroup.Out("arn"),
                rule.Out("arn"), release.TestRule.Out("arn"), release.Role.Out("arn")),
        });
        ScalingResources.Add(template, cluster, service, Scaling(settings));

        CiIdentities.Add(template, settings, names, project, network.VpcId);
        EnvironmentOutputs.Add(template, settings, names, new EnvironmentOutputs.Refs(network, cluster, alb, listener, albSg,
            serviceSg, repository, previewRepository, logGroup, roles, appTask, migrationTask, service, targetGroup, database));
        EnvironmentOutputs.AddRelease(template, settings.Release, release);
        return template;
    }

    // Held (a brand-new environment before its first migration): no task may serve, and auto scaling may not start one.
    private static ScalingSettings Scaling(EnvironmentSettings settings) =>
        settings.ServiceHeld ? settings.Scaling with { MinTasks = 0, MaxTasks = 0 } : settings.Scaling;
}
