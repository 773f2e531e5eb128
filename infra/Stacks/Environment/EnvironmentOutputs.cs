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
    /// <summary>The role CI assumes to deploy this environment (with <c>ci</c>); the GitHub environment's <c>AWS_DEPLOY_ROLE_ARN</c>.</summary>
    public const string CiDeployRoleArn = "ciDeployRoleArn";
    /// <summary>The role pull_request runs assume for this environment's previews; the repository's <c>AWS_PREVIEW_ROLE_ARN</c>.</summary>
    public const string CiPreviewRoleArn = "ciPreviewRoleArn";
    /// <summary>The GitHub OIDC provider the roles trust (created, or the configured <c>ci.oidcProviderArn</c>).</summary>
    public const string GitHubOidcProviderArn = "githubOidcProviderArn";
    /// <summary>The permissions boundary every role a preview creates carries.</summary>
    public const string PreviewBoundaryArn = "previewBoundaryArn";
    /// <summary>Where pull requests push their images (the repository's <c>ECR_PREVIEW_REPOSITORY_URL</c>); previews run them from there.</summary>
    public const string PreviewRepositoryUrl = "previewRepositoryUrl";
    /// <summary>The preview repository's ARN, which a preview's execution role may pull from.</summary>
    public const string PreviewRepositoryArn = "previewRepositoryArn";
    /// <summary>The task-definition families, app first then migration: the deployer prunes their old revisions and reads <c>rollback --revision</c> from the app one.</summary>
    public const string TaskDefinitionFamilies = "taskDefinitionFamilies";
    /// <summary>How many ACTIVE revisions per family the deployer keeps (config <c>keepRevisions</c>).</summary>
    public const string KeepRevisions = "keepRevisions";

    public sealed record Refs(Network Network, TemplateResource Cluster, TemplateResource Alb, TemplateResource Listener,
        TemplateResource AlbSecurityGroup, TemplateResource ServiceSecurityGroup,
        TemplateResource Repository, TemplateResource? PreviewRepository, TemplateResource LogGroup, IamResources.Result Roles, TemplateResource AppTask,
        TemplateResource MigrationTask, TemplateResource Service, TemplateResource TargetGroup, TemplateResource? Database);

    public static void Add(PulumiTemplate template, EnvironmentSettings settings, EnvironmentNames names, Refs r)
    {
        var https = r.Listener.Name == LogicalNames.HttpsListener;
        var scheme = https ? "https://" : "http://";
        template.AddOutput("stackKind", "environment");
        template.AddOutput("region", settings.Region);
        template.AddOutput("appName", settings.App.AppName);
        template.AddOutput("url", settings.Dns?.Host is string host ? scheme + host : Expr.Interpolate(scheme, r.Alb.Out("dnsName")));
        template.AddOutput("healthCheckPath", settings.App.HealthCheckPath);
        template.AddOutput("clusterArn", r.Cluster.Out("arn"));
        template.AddOutput("clusterName", r.Cluster.Out("name"));
        template.AddOutput("serviceName", r.Service.Out("name"));
        template.AddOutput("targetGroupArn", r.TargetGroup.Out("arn"));
        template.AddOutput("loadBalancerArn", r.Alb.Out("arn"));
        template.AddOutput("albDnsName", r.Alb.Out("dnsName"));
        template.AddOutput("albZoneId", r.Alb.Out("zoneId"));
        template.AddOutput("listenerArn", r.Listener.Out("arn"));
        template.AddOutput("urlScheme", https ? "https" : "http");
        template.AddOutput("vpcId", r.Network.VpcId);
        template.AddOutput("vpcCidr", r.Network.VpcCidr);
        template.AddOutput("publicSubnetIds", r.Network.PublicSubnetIds);
        template.AddOutput("privateSubnetIds", r.Network.PrivateSubnetIds);
        template.AddOutput("albSecurityGroupId", r.AlbSecurityGroup.Out("id"));
        template.AddOutput("serviceSecurityGroupId", r.ServiceSecurityGroup.Out("id"));
        template.AddOutput("repositoryUrl", r.Repository.Out("repositoryUrl"));
        template.AddOutput("repositoryName", r.Repository.Out("name"));
        template.AddOutput("repositoryArn", r.Repository.Out("arn"));
        if (r.PreviewRepository is not null)
        {
            template.AddOutput(PreviewRepositoryUrl, r.PreviewRepository.Out("repositoryUrl"));
            template.AddOutput(PreviewRepositoryArn, r.PreviewRepository.Out("arn"));
        }
        template.AddOutput("executionRoleArn", r.Roles.ExecutionRole.Out("arn"));
        template.AddOutput("taskRoleArn", r.Roles.TaskRole.Out("arn"));
        template.AddOutput("previewTaskRoleArn", r.Roles.PreviewTaskRole.Out("arn"));
        template.AddOutput("logGroupName", r.LogGroup.Out("name"));
        template.AddOutput("previewLogGroupPrefix", names.PreviewLogGroupPrefix);
        template.AddOutput("appTaskDefinitionArn", r.AppTask.Out("arn"));
        template.AddOutput(TaskDefinitionFamilies, new List<string> { names.TaskFamily, names.MigrationTaskFamily });
        template.AddOutput(KeepRevisions, settings.KeepRevisions);
        template.AddOutput("imageTag", settings.Build?.ShortSha ?? settings.App.ImageTag);
        template.AddOutput("migrationImageTag", settings.Build?.ShortSha ?? settings.App.MigrationImageTag);
        template.AddOutput("serviceHeld", settings.ServiceHeld);
        MigrationOutputs.Add(template, r.MigrationTask, r.Cluster.Out("arn"), r.Network.PrivateSubnetIds, r.ServiceSecurityGroup.Out("id"),
            r.LogGroup.Out("name"), settings.App.MigrationCommand);
        template.AddOutput("previewDomain", settings.Dns?.PreviewDomain ?? "");
        template.AddOutput("previewDefaults", Render(settings.PreviewDefaults));
        template.AddOutput("environmentRulePriority", EnvironmentStack.EnvironmentRulePriority);
        if (r.Database is not null)
        {
            template.AddOutput("databaseEndpoint", r.Database.Out("endpoint"));
            template.AddOutput("databaseSecretArn", DatabaseResources.SecretArn(r.Database));
        }
    }

    private static Props Render(PreviewDefaults d) => new()
    {
        ["cpu"] = d.Cpu,
        ["memory"] = d.Memory,
        ["spot"] = d.Spot,
        ["logRetentionDays"] = d.LogRetentionDays,
        ["containerPort"] = d.ContainerPort,
        ["healthCheckPath"] = d.HealthCheckPath,
        ["healthCheckGraceSeconds"] = d.HealthCheckGraceSeconds,
        ["migrationCommand"] = d.MigrationCommand.ToList(),
        ["env"] = Props.Sorted(d.Environment),
        ["secrets"] = Props.Sorted(d.Secrets),
        ["databaseStrategy"] = d.DatabaseStrategy,
        [PostureKeys.TaskEgressOpen] = d.TaskEgress.Open,
        [PostureKeys.TaskEgressRules] = d.TaskEgress.ExtraRules.Select(r => r.ToString()).ToList(),
    };
}
