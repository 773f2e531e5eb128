namespace Deployments.Deployer.Aws.Ecs;

/// <summary>
/// The part of a task definition revision the deployer reads: its ARN, family, revision number and its containers'
/// images (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html).
/// </summary>
public sealed record EcsTaskDefinition(string Arn, string Family, int Revision, string Status, IReadOnlyList<EcsContainerImage> Containers);

/// <summary>One container definition's name and image (<c>repository-url/image:tag</c> or <c>…@sha256:digest</c>).</summary>
public sealed record EcsContainerImage(string Name, string Image);
