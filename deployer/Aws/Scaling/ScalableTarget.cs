namespace Deployments.Deployer.Aws.Scaling;

/// <summary>An Application Auto Scaling target: what RegisterScalableTarget identifies it by (namespace, resource id, dimension).</summary>
public sealed record ScalableTarget(string ServiceNamespace, string ResourceId, string ScalableDimension);
