namespace Deployments.Deployer.Smoke;

/// <summary>How a smoke test run ended: passed or not, in words ("exited with code 1"), and the last lines of its output.</summary>
public sealed record SmokeTestResult(bool Passed, string Outcome, IReadOnlyList<string> Tail, TimeSpan Duration)
{
    /// <summary>The tail as it may be printed anywhere (log, error message, annotation): each line neutralised
    /// (<see cref="GitHub.WorkflowCommand.Neutralize"/>), since a smoke test's output is not ours.</summary>
    public string DescribeTail() => Tail.Count == 0 ? "" : "\nlast output lines:\n  " + string.Join("\n  ", Tail.Select(GitHub.WorkflowCommand.Neutralize));
}
