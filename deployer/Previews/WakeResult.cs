namespace Deployments.Deployer.Previews;

/// <summary>What <c>preview wake</c> did: <see cref="Woken"/> is false for a preview without a schedule (always awake, nothing to do).</summary>
public sealed record WakeResult(string Stack, string? Schedule, int Tasks, bool Woken)
{
    public string Describe() => Woken
        ? $"woke {Stack}: {Tasks} task(s) until the next scheduled stop ({Schedule})"
        : $"nothing to wake: {Stack} has no schedule";
}
