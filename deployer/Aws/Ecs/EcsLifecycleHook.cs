namespace Deployments.Deployer.Aws.Ecs;

/// <summary>A lifecycle hook of a service deployment (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentLifecycleHookDetail.html).</summary>
public sealed record EcsLifecycleHook(string HookId, string TargetType, string Status)
{
    /// <summary>A PAUSE hook waiting for ContinueServiceDeployment.</summary>
    public bool AwaitsAction => TargetType == "PAUSE" && Status is "AWAITING_ACTION" or "IN_PROGRESS";
}
