namespace Deployments.Infra.Stacks;

/// <summary>An ECS service on Fargate behind a target group, before rendering.</summary>
public sealed record ServiceSpec
{
    public required string Name { get; init; }
    public required object Cluster { get; init; }
    public required TemplateResourceRef TaskDefinition { get; init; }
    public required int DesiredCount { get; init; }
    public required bool Spot { get; init; }
    public required object Subnets { get; init; }
    public required object SecurityGroupIds { get; init; }
    public required object TargetGroupArn { get; init; }
    public required int ContainerPort { get; init; }
    public required int MinHealthyPercent { get; init; }
    public required int MaxPercent { get; init; }
    public required int HealthCheckGraceSeconds { get; init; }
    public IReadOnlyList<string> DependsOn { get; init; } = [];
    /// <summary>When auto scaling owns the task count, Pulumi must not reset it on every update.</summary>
    public bool ScalingOwnsDesiredCount { get; init; }
    /// <summary>Null: a rolling update (ECS's default). Otherwise ECS shifts traffic between two target groups.</summary>
    public ServiceTraffic? Traffic { get; init; }
}
