namespace Deployments.Infra.Stacks;

/// <summary>
/// The names of the stacks' outputs: the contract between the environment stacks, the preview stacks that read them
/// through a StackReference, and the deployer that reads both (<c>pulumi stack output --json</c>). Defined once, used on
/// both sides; add, never rename (a rename breaks every deployed stack's readers).
/// </summary>
public static class OutputNames
{
    public const string AlbDnsName = "albDnsName";
    public const string AlbSecurityGroupId = "albSecurityGroupId";
    public const string AlbZoneId = "albZoneId";
    public const string AppName = "appName";
    public const string AppTaskDefinitionArn = "appTaskDefinitionArn";
    public const string Branch = "branch";
    /// <summary>The role CI assumes to deploy this environment (with <c>ci</c>); the GitHub environment's <c>AWS_DEPLOY_ROLE_ARN</c>.</summary>
    public const string CiDeployRoleArn = "ciDeployRoleArn";
    /// <summary>The role pull_request runs assume for this environment's previews; the repository's <c>AWS_PREVIEW_ROLE_ARN</c>.</summary>
    public const string CiPreviewRoleArn = "ciPreviewRoleArn";
    public const string ClusterArn = "clusterArn";
    public const string ClusterName = "clusterName";
    public const string DatabaseEndpoint = "databaseEndpoint";
    public const string DatabaseSecretArn = "databaseSecretArn";
    public const string DatabaseStrategy = "databaseStrategy";
    public const string DesiredCount = "desiredCount";
    public const string EnvironmentRulePriority = "environmentRulePriority";
    public const string ExecutionRoleArn = "executionRoleArn";
    /// <summary>The GitHub OIDC provider the roles trust (created, or the configured <c>ci.oidcProviderArn</c>).</summary>
    public const string GitHubOidcProviderArn = "githubOidcProviderArn";
    public const string HealthCheckPath = "healthCheckPath";
    public const string Host = "host";
    public const string ImageTag = "imageTag";
    /// <summary>How many ACTIVE revisions per family the deployer keeps (config <c>keepRevisions</c>).</summary>
    public const string KeepRevisions = "keepRevisions";
    public const string ListenerArn = "listenerArn";
    public const string LoadBalancerArn = "loadBalancerArn";
    public const string LogGroupName = "logGroupName";
    public const string MigrationClusterArn = "migrationClusterArn";
    public const string MigrationCommand = "migrationCommand";
    public const string MigrationContainerName = "migrationContainerName";
    public const string MigrationImageTag = "migrationImageTag";
    public const string MigrationInTask = "migrationInTask";
    public const string MigrationLogGroupName = "migrationLogGroupName";
    public const string MigrationLogStreamPrefix = "migrationLogStreamPrefix";
    public const string MigrationRequired = "migrationRequired";
    public const string MigrationSecurityGroupId = "migrationSecurityGroupId";
    public const string MigrationSubnetIds = "migrationSubnetIds";
    public const string MigrationTaskDefinitionArn = "migrationTaskDefinitionArn";
    /// <summary>The permissions boundary every role a preview creates carries.</summary>
    public const string PreviewBoundaryArn = "previewBoundaryArn";
    public const string PreviewDefaults = "previewDefaults";
    public const string PreviewDomain = "previewDomain";
    public const string PreviewLogGroupPrefix = "previewLogGroupPrefix";
    /// <summary>The preview repository's ARN, which a preview's execution role may pull from.</summary>
    public const string PreviewRepositoryArn = "previewRepositoryArn";
    /// <summary>Where pull requests push their images (the repository's <c>ECR_PREVIEW_REPOSITORY_URL</c>); previews run them from there.</summary>
    public const string PreviewRepositoryUrl = "previewRepositoryUrl";
    public const string PreviewTaskRoleArn = "previewTaskRoleArn";
    public const string PrivateSubnetIds = "privateSubnetIds";
    /// <summary>A scheduled preview's schedule, as people read it (<c>Mon-Fri 07:00–20:00 Europe/Paris</c>); absent when it runs around the clock.</summary>
    public const string Schedule = "schedule";
    /// <summary>A scheduled preview's Application Auto Scaling target (<c>service/&lt;cluster&gt;/&lt;service&gt;</c>), which <c>preview wake</c> raises.</summary>
    public const string ScalableTargetResourceId = "scalableTargetResourceId";
    public const string PublicSubnetIds = "publicSubnetIds";
    public const string Region = "region";
    public const string RepositoryArn = "repositoryArn";
    public const string RepositoryName = "repositoryName";
    public const string RepositoryUrl = "repositoryUrl";
    public const string RulePriority = "rulePriority";
    public const string ServiceHeld = "serviceHeld";
    public const string ServiceName = "serviceName";
    public const string ServiceSecurityGroupId = "serviceSecurityGroupId";
    public const string Slug = "slug";
    public const string StackKind = "stackKind";
    public const string TargetGroupArn = "targetGroupArn";
    /// <summary>The task-definition families, app first then migration: the deployer prunes their old revisions and reads <c>rollback --revision</c> from the app one.</summary>
    public const string TaskDefinitionFamilies = "taskDefinitionFamilies";
    public const string TaskRoleArn = "taskRoleArn";
    public const string Url = "url";
    public const string UrlScheme = "urlScheme";
    public const string VpcCidr = "vpcCidr";
    public const string VpcId = "vpcId";
}
