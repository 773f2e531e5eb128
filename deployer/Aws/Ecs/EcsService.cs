namespace Deployments.Deployer.Aws.Ecs;

/// <summary>The part of an ECS service the verification reads (facts/aws.md §2.4).</summary>
public sealed record EcsService(string Name, string Status, int DesiredCount, int RunningCount, IReadOnlyList<EcsDeployment> Deployments, IReadOnlyList<EcsServiceEvent> Events);

public sealed record EcsDeployment(string Id, string Status, string TaskDefinition, int DesiredCount, int RunningCount, int FailedTasks,
    string? RolloutState, string? RolloutStateReason);

public sealed record EcsServiceEvent(string Id, double CreatedAt, string Message);
