namespace Deployments.Infra.Stacks;

/// <summary>
/// Pulumi logical names. They are each resource's identity in state: renaming one makes Pulumi delete the old
/// resource and create a new one (for the database: data loss; for the ALB: a new DNS name). Never change a
/// value here; add a new name and an alias instead. Physical AWS names come from the Naming module.
/// </summary>
public static class LogicalNames
{
    public const string Provider = "aws-provider";
    public const string Vpc = "vpc";
    public const string Cluster = "cluster";
    public const string ClusterCapacityProviders = "cluster-capacity-providers";
    public const string AlbSecurityGroup = "alb-security-group";
    public const string ServiceSecurityGroup = "service-security-group";
    public const string LoadBalancer = "load-balancer";
    public const string HttpListener = "http-listener";
    public const string HttpsListener = "https-listener";
    public const string Repository = "repository";
    public const string PreviewRepository = "preview-repository";
    public const string PreviewRepositoryLifecycle = "preview-repository-lifecycle";
    public const string RepositoryLifecycle = "repository-lifecycle";
    public const string RegistryAuth = "registry-auth";
    public const string Image = "image";
    public const string LogGroup = "log-group";
    public const string ExecutionRole = "execution-role";
    public const string ExecutionRolePolicy = "execution-role-policy";
    public const string TaskRole = "task-role";
    public const string TaskRolePolicyAttachment = "task-role-policy";
    public const string PreviewTaskRole = "preview-task-role";
    public const string TargetGroup = "target-group";
    public const string ListenerRule = "listener-rule";
    public const string AppTaskDefinition = "app-task-definition";
    public const string MigrationTaskDefinition = "migration-task-definition";
    public const string Service = "service";
    public const string AutoscalingTarget = "autoscaling-target";
    public const string CpuScalingPolicy = "cpu-scaling-policy";
    public const string MemoryScalingPolicy = "memory-scaling-policy";
    public const string PreviewScalableTarget = "preview-scalable-target";
    public const string PreviewScheduledStop = "preview-scheduled-stop";
    public const string PreviewScheduledStart = "preview-scheduled-start";
    public const string DatabaseSubnetGroup = "database-subnet-group";
    public const string DatabaseSecurityGroup = "database-security-group";
    public const string Database = "database";
    public const string HostRecord = "host-record";
    public const string PreviewWildcardRecord = "preview-wildcard-record";
    public const string PreviewCertificate = "preview-certificate";
    public const string PreviewCertificateValidationRecord = "preview-certificate-validation-record";
    public const string PreviewCertificateValidation = "preview-certificate-validation";
    public const string PreviewListenerCertificate = "preview-listener-certificate";
    public const string Parent = "parent";
    public const string PreviewBoundary = "preview-boundary";
    public const string GitHubOidcProvider = "github-oidc-provider";
    public const string CiDeployRole = "ci-deploy-role";
    public const string CiDeployRolePolicy = "ci-deploy-role-policy";
    public const string CiPreviewRole = "ci-preview-role";
    public const string CiPreviewRolePolicy = "ci-preview-role-policy";
    public const string CiReviewRole = "ci-review-role";
    public const string CiReviewRolePolicy = "ci-review-role-policy";
    public const string CiDriftRole = "ci-drift-role";
    public const string CiDriftRolePolicy = "ci-drift-role-policy";
    public const string AccessLogsBucket = "access-logs-bucket";
    public const string AccessLogsPublicAccessBlock = "access-logs-public-access-block";
    public const string AccessLogsEncryption = "access-logs-encryption";
    public const string AccessLogsLifecycle = "access-logs-lifecycle";
    public const string AccessLogsPolicy = "access-logs-policy";
    public const string VpcCidrLookup = "vpc-cidr";
    public const string FinalSnapshotSuffix = "final-snapshot-suffix";
    public const string AlternateTargetGroup = "alternate-target-group";
    public const string TestListenerRule = "test-listener-rule";
    public const string TestHeaderValue = "test-header-value";
    public const string LoadBalancerRole = "ecs-load-balancer-role";
    public const string LoadBalancerRolePolicy = "ecs-load-balancer-role-policy";

    /// <summary>
    /// A resource of preview shard <paramref name="shard"/> (1 or more; shard 0 is the environment's own load balancer):
    /// <c>preview-shard-1-load-balancer</c>. A shard keeps its number for life (placement never renumbers), so these are stable.
    /// </summary>
    public static string PreviewShard(int shard, string resource) =>
        $"preview-shard-{shard.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{resource}";
}
