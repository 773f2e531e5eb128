namespace Deployments.Infra.Stacks;

/// <summary>A Fargate task definition before rendering.</summary>
public sealed record TaskDefinitionSpec
{
    public required string LogicalName { get; init; }
    public required string Family { get; init; }
    public required int Cpu { get; init; }
    public required int Memory { get; init; }
    public required object ExecutionRoleArn { get; init; }
    public required object TaskRoleArn { get; init; }
    public required IReadOnlyList<ContainerSpec> Containers { get; init; }
    /// <summary>Keep old revisions registered so the ECS circuit breaker can roll back to them.</summary>
    public bool KeepOldRevisions { get; init; }
}
