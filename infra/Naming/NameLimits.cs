namespace Deployments.Infra.Naming;

/// <summary>
/// AWS and Pulumi name limits (../shared/facts/aws.md §4 from the service models; pulumi.md §4.3).
/// </summary>
public static class NameLimits
{
    /// <summary>Pulumi stack name: 1-100 of [A-Za-z0-9_.-].</summary>
    public const int StackName = 100;
    /// <summary>ALB and target group names: 32 of [A-Za-z0-9-], not starting or ending with '-' (elbv2 model).</summary>
    public const int LoadBalancer = 32;
    public const int TargetGroup = 32;
    /// <summary>DNS label (RFC 1035).</summary>
    public const int DnsLabel = 63;
    /// <summary>IAM role name: 64 of [\w+=,.@-] (IAM model).</summary>
    public const int IamRole = 64;
    /// <summary>ECS service, cluster, family: 255 of letters, digits, '_' and '-' (ECS model).</summary>
    public const int Ecs = 255;
    /// <summary>CloudWatch log group: 512 of [.-_/#A-Za-z0-9] (Logs model).</summary>
    public const int LogGroup = 512;
    /// <summary>RDS DB instance identifier: 63, a letter first, no '--', no trailing '-' (RDS CreateDBInstance).</summary>
    public const int DbInstance = 63;
    /// <summary>RDS DB subnet group name: 255 (RDS model).</summary>
    public const int DbSubnetGroup = 255;
    /// <summary>EC2 security group name: 255 (EC2 model).</summary>
    public const int SecurityGroup = 255;
    /// <summary>ECR repository name: 256 (ECR model).</summary>
    public const int Repository = 256;
}
