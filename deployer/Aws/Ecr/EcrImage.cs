namespace Deployments.Deployer.Aws.Ecr;

/// <summary>An image as ECR's BatchGetImage returns it: its digest and the manifest that PutImage needs to tag it elsewhere.</summary>
public sealed record EcrImage(string Digest, string Manifest, string? ManifestMediaType);
