namespace Deployments.Deployer.Pulumi;

/// <summary>
/// What to do when another update holds the stack: wait up to <see cref="MaxWait"/> with growing pauses, then fail
/// naming the holder. <see cref="ClearOlderThan"/>, only when given explicitly, removes locks older than that
/// (<c>pulumi cancel</c>) — a crashed run's lock — before waiting.
/// </summary>
public sealed record LockPolicy(TimeSpan MaxWait, TimeSpan? ClearOlderThan)
{
    /// <summary>Pause before the <paramref name="attempt"/>-th retry: 5 s, 10 s, 20 s, then 30 s.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(30, 5 * (1 << Math.Min(attempt, 3))));
}
