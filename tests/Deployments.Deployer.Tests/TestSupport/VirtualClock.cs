namespace Deployments.Deployer.Tests.TestSupport;

/// <summary>A clock whose waits take no real time: each delay moves it forward (the one allowed fake inside the process).</summary>
public sealed class VirtualClock : IClock
{
    public DateTimeOffset Now { get; private set; } = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    public List<TimeSpan> Delays { get; } = [];

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Delays.Add(delay);
        Now += delay;
        return Task.CompletedTask;
    }
}
