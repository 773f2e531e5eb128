namespace Deployments.Infra.Stacks;

/// <summary>
/// The names of the stacks' outputs: the contract between the environment stacks, the preview stacks that read them
/// through a StackReference, and the deployer that reads both (<c>pulumi stack output --json</c>). Defined once, used on
/// both sides; add, never rename (a rename breaks every deployed stack's readers).
/// </summary>
public static class OutputNames
{
    public const string AlbDnsName = "albDnsName";
    /// <summary>The environment's release notifications (<c>notify</c>: kind and the URL's variable name), when configured.</summary>
    public const string Notify = "notify";
    /// <summary>The environment's smoke tests (<c>smokeTest</c>: command and timeout), when configured.</summary>
    public const string SmokeTest = "smokeTest";
    public const string AlbSecurityGroupId = "albSecurityGroupId";
    public const string AlbZoneId = "albZoneId";
    public const string AppName = "appName";
    public const string AppTaskDefinitionArn = "appTaskDefinitionArn";
    public const string Branch = "branch";
    /// <summary>The role CI assumes to deploy this environment (with <c>ci</c>); the GitHub environment's <c>AWS_DEPLOY_ROLE_ARN</c>.</summary>
    public const string CiDeployRoleArn = "ciDeployRoleArn";
    /// <summary>The role pull_request runs assume for this environment's previews; the repository's <c>AWS_PREVIEW_ROLE_ARN</c>.</summary>
    public const string CiPreviewRoleArn = "ciPreviewRoleArn";
    /// <summary>The read-only role infra.yml assumes to review this environment (<c>env review</c>, in the GitHub environment review-ENV); that environment's <c>AWS_REVIEW_ROLE_ARN</c>.</summary>
    public const string CiReviewRoleArn = "ciReviewRoleArn";
    /// <summary>The read-only role drift.yml assumes to check this environment for drift (<c>env drift</c>, in the GitHub environment drift-ENV); that environment's <c>AWS_DRIFT_ROLE_ARN</c>.</summary>
    public const string CiDriftRoleArn = "ciDriftRoleArn";
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
    /// <summary>The environment's preview load balancers (<see cref="Shards.PreviewShardResources"/>), only when it has more than its own.</summary>
    public const string PreviewShards = "previewShards";
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
    /// <summary>The environment's <c>releaseStrategy</c> (rolling, blue-green, canary, linear): how the deployer follows a release.</summary>
    public const string ReleaseStrategy = "releaseStrategy";
    /// <summary>Minutes ECS holds a release at the test gate for the deployer's verdict (0: no gate).</summary>
    public const string ReleaseGateMinutes = "releaseGateMinutes";
    /// <summary>The longest a healthy release takes, in minutes (bakes, gate and a margin): the deployer's deadline.</summary>
    public const string ReleaseWaitMinutes = "releaseWaitMinutes";
    /// <summary>The header (name) that routes a request to the new tasks before production traffic shifts.</summary>
    public const string TestHeaderName = "testHeaderName";
    /// <summary>Its value: random, born with the stack; known to those who can read the stack's state.</summary>
    public const string TestHeaderValue = "testHeaderValue";
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
