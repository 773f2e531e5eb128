namespace Deployments.Infra.Stacks.Environment;

/// <summary>References to the environment's VPC and subnets: literals for an existing VPC, expressions for a new one.</summary>
public sealed record Network(object VpcId, object PublicSubnetIds, object PrivateSubnetIds);
