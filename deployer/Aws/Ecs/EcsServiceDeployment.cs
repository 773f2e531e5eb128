namespace Deployments.Deployer.Aws.Ecs;

/// <summary>
/// The part of an ECS service deployment the release follower reads
/// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeployment.html): its status, lifecycle stage,
/// the traffic ECS sends the new revision, why it rolled back, and its lifecycle hooks.
/// </summary>
public sealed record EcsServiceDeployment(string Arn, string Status, string? StatusReason, string? LifecycleStage,
    double? ProductionTrafficPercent, double? TestTrafficPercent, string? RollbackReason, IReadOnlyList<EcsLifecycleHook> Hooks)
{
    /// <summary>ECS is rolling back, has rolled back, or was stopped: the new revision is not released.</summary>
    public bool RolledBack => Status is "ROLLBACK_REQUESTED" or "ROLLBACK_IN_PROGRESS" or "ROLLBACK_SUCCESSFUL" or "ROLLBACK_FAILED" or "STOPPED" or "STOP_REQUESTED";

    /// <summary>The rollback (or stop) is over.</summary>
    public bool Finished => Status is "SUCCESSFUL" or "ROLLBACK_SUCCESSFUL" or "ROLLBACK_FAILED" or "STOPPED";
}
