using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// Stack outputs: the contract with preview stacks (read through a StackReference) and with the deployer
/// (migration task, verification, URLs). Output names are part of that contract: add, never rename.
/// </summary>
public static class EnvironmentOutputs
{

    public sealed record Refs(Network Network, TemplateResource Cluster, TemplateResource Alb, TemplateResource Listener,
        TemplateResource AlbSecurityGroup, TemplateResource ServiceSecurityGroup,
        TemplateResource Repository, TemplateResource? PreviewRepository, TemplateResource LogGroup, IamResources.Result Roles, TemplateResource AppTask,
        TemplateResource MigrationTask, TemplateResource Service, TemplateResource TargetGroup, TemplateResource? Database);

    public static void Add(PulumiTemplate template, EnvironmentSettings settings, EnvironmentNames names, Refs r)
    {
        var https = r.Listener.Name == LogicalNames.HttpsListener;
        var scheme = https ? "https://" : "http://";
        template.AddOutput(OutputNames.StackKind, "environment");
        template.AddOutput(OutputNames.Region, settings.Region);
        template.AddOutput(OutputNames.AppName, settings.App.AppName);
        template.AddOutput(OutputNames.Url, settings.Dns?.Host is string host ? scheme + host : Expr.Interpolate(scheme, r.Alb.Out("dnsName")));
        template.AddOutput(OutputNames.HealthCheckPath, settings.App.HealthCheckPath);
        template.AddOutput(OutputNames.ClusterArn, r.Cluster.Out("arn"));
        template.AddOutput(OutputNames.ClusterName, r.Cluster.Out("name"));
        template.AddOutput(OutputNames.ServiceName, r.Service.Out("name"));
        template.AddOutput(OutputNames.TargetGroupArn, r.TargetGroup.Out("arn"));
        template.AddOutput(OutputNames.LoadBalancerArn, r.Alb.Out("arn"));
        template.AddOutput(OutputNames.AlbDnsName, r.Alb.Out("dnsName"));
        template.AddOutput(OutputNames.AlbZoneId, r.Alb.Out("zoneId"));
        template.AddOutput(OutputNames.ListenerArn, r.Listener.Out("arn"));
        template.AddOutput(OutputNames.UrlScheme, https ? "https" : "http");
        template.AddOutput(OutputNames.VpcId, r.Network.VpcId);
        template.AddOutput(OutputNames.VpcCidr, r.Network.VpcCidr);
        template.AddOutput(OutputNames.PublicSubnetIds, r.Network.PublicSubnetIds);
        template.AddOutput(OutputNames.PrivateSubnetIds, r.Network.PrivateSubnetIds);
        template.AddOutput(OutputNames.AlbSecurityGroupId, r.AlbSecurityGroup.Out("id"));
        template.AddOutput(OutputNames.ServiceSecurityGroupId, r.ServiceSecurityGroup.Out("id"));
        template.AddOutput(OutputNames.RepositoryUrl, r.Repository.Out("repositoryUrl"));
        template.AddOutput(OutputNames.RepositoryName, r.Repository.Out("name"));
        template.AddOutput(OutputNames.RepositoryArn, r.Repository.Out("arn"));
        if (r.PreviewRepository is not null)
        {
            template.AddOutput(OutputNames.PreviewRepositoryUrl, r.PreviewRepository.Out("repositoryUrl"));
            template.AddOutput(OutputNames.PreviewRepositoryArn, r.PreviewRepository.Out("arn"));
        }
        template.AddOutput(OutputNames.ExecutionRoleArn, r.Roles.ExecutionRole.Out("arn"));
        template.AddOutput(OutputNames.TaskRoleArn, r.Roles.TaskRole.Out("arn"));
        template.AddOutput(OutputNames.PreviewTaskRoleArn, r.Roles.PreviewTaskRole.Out("arn"));
        template.AddOutput(OutputNames.LogGroupName, r.LogGroup.Out("name"));
        template.AddOutput(OutputNames.PreviewLogGroupPrefix, names.PreviewLogGroupPrefix);
        template.AddOutput(OutputNames.AppTaskDefinitionArn, r.AppTask.Out("arn"));
        template.AddOutput(OutputNames.TaskDefinitionFamilies, new List<string> { names.TaskFamily, names.MigrationTaskFamily });
        template.AddOutput(OutputNames.KeepRevisions, settings.KeepRevisions);
        template.AddOutput(OutputNames.ImageTag, settings.Build?.ShortSha ?? settings.App.ImageTag);
        template.AddOutput(OutputNames.MigrationImageTag, settings.Build?.ShortSha ?? settings.App.MigrationImageTag);
        template.AddOutput(OutputNames.ServiceHeld, settings.ServiceHeld);
        MigrationOutputs.Add(template, r.MigrationTask, r.Cluster.Out("arn"), r.Network.PrivateSubnetIds, r.ServiceSecurityGroup.Out("id"),
            r.LogGroup.Out("name"), settings.App.MigrationCommand);
        template.AddOutput(OutputNames.PreviewDomain, settings.Dns?.PreviewDomain ?? "");
        template.AddOutput(OutputNames.PreviewDefaults, PreviewDefaultsOutput.Render(settings.PreviewDefaults));
        template.AddOutput(OutputNames.EnvironmentRulePriority, EnvironmentStack.EnvironmentRulePriority);
        if (settings.SmokeTest is not null) template.AddOutput(OutputNames.SmokeTest, SmokeTestOutput.Render(settings.SmokeTest));
        if (settings.Notify is not null) template.AddOutput(OutputNames.Notify, NotifyOutput.Render(settings.Notify));
        if (r.Database is not null)
        {
            template.AddOutput(OutputNames.DatabaseEndpoint, r.Database.Out("endpoint"));
            template.AddOutput(OutputNames.DatabaseSecretArn, DatabaseResources.SecretArn(r.Database));
        }
    }

    /// <summary>How the deployer follows a release; nothing for rolling, whose outputs stay as they were.</summary>
    public static void AddRelease(PulumiTemplate template, ReleaseSettings release, ReleaseResources.Result? resources)
    {
        if (resources is null) return;
        template.AddOutput(OutputNames.ReleaseStrategy, release.Strategy);
        template.AddOutput(OutputNames.ReleaseGateMinutes, release.HasGate ? release.GateMinutes : 0);
        template.AddOutput(OutputNames.ReleaseWaitMinutes, release.WaitMinutes);
        template.AddOutput(OutputNames.TestHeaderName, ReleaseResources.TestHeaderName);
        template.AddOutput(OutputNames.TestHeaderValue, resources.TestHeader.Out("hex"));
    }
}
