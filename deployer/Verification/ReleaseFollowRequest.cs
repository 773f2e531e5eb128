namespace Deployments.Deployer.Verification;

/// <summary>What <see cref="ServiceDeploymentFollower"/> follows, all from the environment stack's outputs.</summary>
public sealed record ReleaseFollowRequest(string Cluster, string Service, string TaskDefinition, string Strategy,
    ReleaseTestTarget? TestTarget, int GateMinutes, TimeSpan Deadline);
