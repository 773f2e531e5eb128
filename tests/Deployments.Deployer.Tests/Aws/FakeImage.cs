namespace Deployments.Deployer.Tests.Aws;

/// <summary>An image the fake ECR holds: repository name, tag, digest and manifest.</summary>
public sealed record FakeImage(string Repository, string Tag, string Digest, string Manifest);
