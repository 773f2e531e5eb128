namespace Deployments.Deployer.Aws.Ecs;

/// <summary>The part of an ECS <c>Task</c> the deployer acts on (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html).</summary>
public sealed record EcsTask(string TaskArn, string LastStatus, string? StopCode, string? StoppedReason, IReadOnlyList<EcsContainer> Containers)
{
    public string? TaskDefinitionArn { get; init; }

    /// <summary>The task id: the last segment of the ARN (the awslogs stream name ends with it).</summary>
    public string Id => TaskArn[(TaskArn.LastIndexOf('/') + 1)..];
}

public sealed record EcsContainer(string Name, string? LastStatus, int? ExitCode, string? Reason);
