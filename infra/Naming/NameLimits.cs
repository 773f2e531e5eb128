namespace Deployments.Infra.Naming;

/// <summary>
/// The AWS and Pulumi name limits every emitted name is fitted to. Sources: /work/shared/facts/aws.md §4 (read
/// from the service models) and pulumi.md §4.3; the RDS rules, which the facts file does not list, come from the
/// RDS API reference (CreateDBInstance, CreateDBSubnetGroup). A test checks every name against these and its charset.
/// </summary>
public static class NameLimits
{
    /// <summary>Pulumi stack name: 1-100 of [A-Za-z0-9_.-] (sdk/go/common/tokens/stack_name.go; pulumi.md §4.3).</summary>
    public const int StackName = 100;

    /// <summary>ALB name: 32 of [A-Za-z0-9-], not starting or ending with '-', not starting "internal-" (elbv2 model; aws.md §4).</summary>
    public const int LoadBalancer = 32;

    /// <summary>Target group name: 32 of [A-Za-z0-9-], not starting or ending with '-' (elbv2 model; aws.md §4).</summary>
    public const int TargetGroup = 32;

    /// <summary>DNS label: 63 octets (RFC 1035; aws.md §4). The host is <c>label.previewDomain</c>.</summary>
    public const int DnsLabel = 63;

    /// <summary>IAM role name: 1-64 of [\w+=,.@-], unique ignoring case (IAM model; aws.md §4).</summary>
    public const int IamRole = 64;

    /// <summary>ECS cluster, service and task family: 255 of letters, digits, '_' and '-' (ECS model; aws.md §4).</summary>
    public const int Ecs = 255;

    /// <summary>CloudWatch log group: 1-512 of [.-_/#A-Za-z0-9], not starting "aws/" (Logs model; aws.md §4).</summary>
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

    /// <summary>EC2 security group name: 255, not starting "sg-", unique per VPC ignoring case (EC2 model; aws.md §4).</summary>
    public const int SecurityGroup = 255;

    /// <summary>ECR repository name: 2-256 lower-case (ECR model). Only environments have one.</summary>
    public const int Repository = 256;
}
