namespace Deployments.Infra.Naming;

/// <summary>
/// The AWS and Pulumi name limits every emitted name is fitted to. Sources: each service's API reference (and its
/// published service model) and https://github.com/pulumi/pulumi/blob/master/sdk/go/common/tokens/names.go; the RDS rules come from the
/// RDS API reference (CreateDBInstance, CreateDBSubnetGroup). A test checks every name against these and its charset.
/// </summary>
public static class NameLimits
{
    /// <summary>Pulumi stack name: 1-100 of [A-Za-z0-9_.-] (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/tokens/stack_name.go).</summary>
    public const int StackName = 100;

    /// <summary>ALB name: 32 of [A-Za-z0-9-], not starting or ending with '-', not starting "internal-" (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html).</summary>
    public const int LoadBalancer = 32;

    /// <summary>Target group name: 32 of [A-Za-z0-9-], not starting or ending with '-' (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html).</summary>
    public const int TargetGroup = 32;

    /// <summary>DNS label: 63 octets (RFC 1035, https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4). The host is <c>label.previewDomain</c>.</summary>
    public const int DnsLabel = 63;

    /// <summary>IAM role name: 1-64 of [\w+=,.@-], unique ignoring case (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html).</summary>
    public const int IamRole = 64;

    /// <summary>ECS cluster, service and task family: 255 of letters, digits, '_' and '-' (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html).</summary>
    public const int Ecs = 255;

    /// <summary>CloudWatch log group: 1-512 of [.-_/#A-Za-z0-9], not starting "aws/" (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html).</summary>
    public const int LogGroup = 512;

    /// <summary>
    /// RDS DB instance identifier: 1-63 letters, digits or '-', a letter first, no trailing '-' and no "--"; stored
    /// lower-case (RDS API reference, CreateDBInstance DBInstanceIdentifier).
    /// </summary>
    public const int DbInstance = 63;

    /// <summary>
    /// RDS DB subnet group: at most 255 letters, digits, '.', '_', ' ' or '-', a letter first, not "default"; stored
    /// lower-case (RDS API reference, CreateDBSubnetGroup DBSubnetGroupName).
    /// </summary>
    public const int DbSubnetGroup = 255;

    /// <summary>EC2 security group name: 255, not starting "sg-", unique per VPC ignoring case (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html).</summary>
    public const int SecurityGroup = 255;

    /// <summary>ECR repository name: 2-256 lower-case (ECR model). Each environment has one, and one for its previews.</summary>
    public const int Repository = 256;
}
