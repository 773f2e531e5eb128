namespace Deployments.Deployer.Pulumi;

/// <summary>
/// How many times a run called <c>pulumi</c> and how long it waited for it, and how many stacks it compiled itself
/// (<see cref="Previews.StackCompilation"/>), for DEPLOYMENTS_TIMINGS and bench/.
/// </summary>
public sealed class PulumiStats
{
    private int _invocations;
    private int _compiles;
    private long _ticks;

    public int Invocations => _invocations;
    public int Compiles => _compiles;
    public TimeSpan TimeInPulumi => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public void Record(TimeSpan duration)
    {
        Interlocked.Increment(ref _invocations);
        Interlocked.Add(ref _ticks, duration.Ticks);
    }

    public void RecordCompile() => Interlocked.Increment(ref _compiles);
}
