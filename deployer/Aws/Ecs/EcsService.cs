namespace Deployments.Deployer.Aws.Ecs;

/// <summary>The part of an ECS service the verification reads (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Service.html).</summary>
public sealed record EcsService(string Name, string Status, int DesiredCount, int RunningCount, IReadOnlyList<EcsDeployment> Deployments, IReadOnlyList<EcsServiceEvent> Events)
{
    /// <summary>The ARN of the service deployment ECS is running or ran last (<c>currentServiceDeployment</c>).</summary>
    public string? CurrentServiceDeployment { get; init; }
}

public sealed record EcsDeployment(string Id, string Status, string TaskDefinition, int DesiredCount, int RunningCount, int FailedTasks,
    string? RolloutState, string? RolloutStateReason);

public sealed record EcsServiceEvent(string Id, double CreatedAt, string Message);
