namespace Deployments.Deployer.Verification;

/// <summary>How a deploy proves itself: whether to verify, and how long migration, rollout and health may take.</summary>
public sealed record ReleaseOptions(bool Verify, TimeSpan MigrationTimeout, TimeSpan RolloutTimeout, TimeSpan HealthTimeout)
{
    /// <summary>What decides at a release's test gate; passes at once unless something (the smoke tests) is plugged in.</summary>
    public ReleaseGate Gate { get; init; } = (_, _) => Task.FromResult(true);

    public static readonly ReleaseOptions Default = new(true, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5));
}
