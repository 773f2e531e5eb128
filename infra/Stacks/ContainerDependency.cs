namespace Deployments.Infra.Stacks;

/// <summary>
/// One entry of a container's <c>dependsOn</c>: the container it waits for and until what
/// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html: START, COMPLETE,
/// SUCCESS — exited with 0 —, HEALTHY — its healthCheck passed).
/// </summary>
public sealed record ContainerDependency(string ContainerName, string Condition)
{
    public const string Healthy = "HEALTHY";
    public const string Success = "SUCCESS";

    public static ContainerDependency HealthyOf(string container) => new(container, Healthy);
    public static ContainerDependency SuccessOf(string container) => new(container, Success);
}
