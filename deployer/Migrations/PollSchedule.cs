namespace Deployments.Deployer.Migrations;

/// <summary>
/// Pause between polls: 1 s while something happens (new log lines, a status change), doubling to at most 8 s
/// while nothing does — at most ~15 calls a minute once a task is quiet, and no call storms.
/// </summary>
public sealed class PollSchedule
{
    public static readonly TimeSpan Fastest = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Slowest = TimeSpan.FromSeconds(8);

    public TimeSpan Next { get; private set; } = Fastest;

    public TimeSpan After(bool activity)
    {
        var current = Next;
        Next = activity ? Fastest : TimeSpan.FromTicks(Math.Min(Slowest.Ticks, Next.Ticks * 2));
        return activity ? Fastest : current;
    }
}
