namespace Deployments.Deployer.Pulumi;

/// <summary>How many times a run called <c>pulumi</c> and how long it waited for it (for DEPLOYMENTS_TIMINGS and bench/).</summary>
public sealed class PulumiStats
{
    private int _invocations;
    private long _ticks;

    public int Invocations => _invocations;
    public TimeSpan TimeInPulumi => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public void Record(TimeSpan duration)
    {
        Interlocked.Increment(ref _invocations);
        Interlocked.Add(ref _ticks, duration.Ticks);
    }
}
