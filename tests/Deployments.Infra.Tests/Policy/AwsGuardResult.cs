namespace Deployments.Infra.Tests.Policy;

/// <summary>What a run of the AWSGuard check found, which policy/type pairs it evaluated, and which policies it could not run.</summary>
public sealed record AwsGuardResult(IReadOnlyList<AwsGuardViolation> Violations, IReadOnlyList<string> Checked, IReadOnlyList<string> NotRun)
{
    public override string ToString() =>
        $"{Violations.Count} mandatory AWSGuard violation(s):\n  " + string.Join("\n  ", Violations)
        + $"\nchecked: {string.Join(", ", Checked)}\nnot run: {string.Join(", ", NotRun)}";
}
