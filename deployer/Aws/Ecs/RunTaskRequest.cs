namespace Deployments.Deployer.Aws.Ecs;

/// <summary>A one-off Fargate task: task definition, network, optional command override, who started it, idempotency token.</summary>
public sealed record RunTaskRequest(
    string Cluster,
    string TaskDefinition,
    string ContainerName,
    IReadOnlyList<string> Subnets,
    IReadOnlyList<string> SecurityGroups,
    IReadOnlyList<string>? Command,
    string StartedBy,
    string ClientToken);
