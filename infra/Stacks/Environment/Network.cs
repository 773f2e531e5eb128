namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// References to the environment's VPC and subnets: literals for an existing VPC, expressions for a new one. The
/// CIDR is the configured one for a new VPC and looked up (<c>aws:ec2:getVpc</c>) for an existing one.
/// </summary>
public sealed record Network(object VpcId, object PublicSubnetIds, object PrivateSubnetIds, object VpcCidr);
