using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Config;

/// <summary>
/// A hostile <c>Pulumi.&lt;stack&gt;.yaml</c> is invalid config (exit 3) naming the file and the position, never a stack
/// overflow, an out-of-memory or an unexpected failure. Run as a process: a stack overflow cannot be caught in-process.
/// </summary>
[NonParallelizable]
public class HostileStackFileTests
{
    private static readonly string Laughs = "config:\n  deployments:env:\n    a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        + string.Concat(Enumerable.Range(0, 9).Select(i => $"    {(char)('b' + i)}: &{(char)('b' + i)} [{string.Join(",", Enumerable.Repeat($"*{(char)('a' + i)}", 9))}]\n"));

    public static IEnumerable<TestCaseData> Files()
    {
        yield return new TestCaseData("billion laughs", Laughs, "aliases").SetName("Billion_laughs");
        yield return new TestCaseData("recursive alias", "config:\n  deployments:env: &x\n    A: *x\n", "line 3").SetName("Recursive_alias");
        yield return new TestCaseData("complex key", "config:\n  ? [a, b]\n  : c\n", "line 2").SetName("Complex_key");
        yield return new TestCaseData("complex nested key", "config:\n  deployments:env:\n    ? {a: b}\n    : c\n", "line 3").SetName("Complex_nested_key");
        yield return new TestCaseData("deep flow nesting", "config:\n  deployments:env: " + new string('[', 200_000) + new string(']', 200_000) + "\n", "nested").SetName("Deep_flow_nesting");
        yield return new TestCaseData("deep block nesting", "config:\n  deployments:x:\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', 4 + i) + "k:\n")), "nested").SetName("Deep_block_nesting");
        yield return new TestCaseData("huge file", "config:\n  deployments:appName: '" + new string('a', 3 * 1024 * 1024) + "'\n", "MiB").SetName("Huge_file");
    }

    [TestCaseSource(nameof(Files))]
    public void Is_invalid_config_naming_the_file_and_position(string what, string yaml, string expected)
    {
        // Arrange
        var file = Path.Combine(Path.GetTempPath(), $"Pulumi.hostile-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        try
        {
            // Act
            var result = CompilerProcess.Run(new Dictionary<string, string?>(), "--stack", "staging", "--config-file", file);

            // Assert
            result.ExitCode.ShouldBe(Infra.ExitCodes.InvalidConfig, $"{what}: {result.StdErr[..Math.Min(2000, result.StdErr.Length)]}");
            result.StdErr.ShouldContain(file);
            result.StdErr.ShouldContain(expected);
            result.StdErr.ShouldNotContain("   at ");
            result.StdErr.Length.ShouldBeLessThan(10_000);
            result.StdOut.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
