using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Compiler;

/// <summary>
/// One golden file per representative stack. A difference fails; only <c>ACCEPT=1</c> rewrites the files (in the
/// source tree), and CI never sets it. Review a rewritten golden file like code: it is the whole template.
/// </summary>
public class GoldenTemplateTests
{
    private static IEnumerable<TestCaseData> Stacks()
    {
        yield return new TestCaseData("staging", (Func<string>)(() => StackFixtures.CompileJson("staging", StackFixtures.FromStackFile("staging")))).SetArgDisplayNames("staging");
        yield return new TestCaseData("production", (Func<string>)(() => StackFixtures.CompileJson("production", StackFixtures.FromStackFile("production")))).SetArgDisplayNames("production");
        yield return new TestCaseData("preview", (Func<string>)(() => StackFixtures.CompileJson("preview-feature-login", StackFixtures.FromAssignments(StackFixtures.PreviewConfig)))).SetArgDisplayNames("preview");
    }

    [TestCaseSource(nameof(Stacks))]
    public void Template_matches_its_golden_file(string name, Func<string> compile)
    {
        // Arrange
        var path = RepoRoot.File("tests", "Deployments.Infra.Tests", "testdata", "golden", $"{name}.json");

        // Act
        var actual = compile();

        // Assert
        if (Environment.GetEnvironmentVariable("ACCEPT") == "1" && Environment.GetEnvironmentVariable("CI") is null)
        {
            File.WriteAllText(path, actual);
            Assert.Inconclusive($"rewrote {path}");
        }
        File.Exists(path).ShouldBeTrue($"missing golden file {path}; run the tests once with ACCEPT=1 and review it");
        actual.ShouldBe(File.ReadAllText(path), $"the {name} template changed; if intended, rerun with ACCEPT=1 and review the diff");
    }

    [TestCaseSource(nameof(Stacks))]
    public void Compile_is_deterministic(string name, Func<string> compile) =>
        compile().ShouldBe(compile(), $"{name} differs between two compilations");
}
