namespace Deployments.Deployer.Verification;

/// <summary>How a deploy proves itself: whether to verify, and how long migration, rollout and health may take.</summary>
public sealed record ReleaseOptions(bool Verify, TimeSpan MigrationTimeout, TimeSpan RolloutTimeout, TimeSpan HealthTimeout)
{
    public static readonly ReleaseOptions Default = new(true, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5));
}
