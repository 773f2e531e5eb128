namespace Deployments.Deployer.Verification;

/// <summary>
/// Decides, while ECS holds a blue/green, canary or linear release after test traffic shifted and before any
/// production traffic does, whether the release may go on: true continues it, false makes ECS roll it back.
/// The smoke tests plug in here; without them the gate passes at once.
/// </summary>
public delegate Task<bool> ReleaseGate(ReleaseTestTarget target, CancellationToken ct);
