namespace Deployments.Infra.Config;

/// <summary>Every config problem found in one pass, reported together (never one at a time).</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(IReadOnlyList<ConfigProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    public IReadOnlyList<ConfigProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ConfigProblem> problems) =>
        $"invalid stack configuration ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n"
        + string.Join("\n", problems.Select(p => $"  - {p}"));
}
