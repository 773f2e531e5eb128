using YamlDotNet.RepresentationModel;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>
/// No <c>run:</c> script of a workflow or of action.yml contains a <c>${{ }}</c> expression: the runner pastes its value
/// into the script's source before the shell reads it, so a branch name or an input could run as code. Values go
/// through <c>env:</c> (https://docs.github.com/en/actions/reference/security/secure-use#use-an-intermediate-environment-variable).
/// </summary>
[Category("workflows")]
public class RunStepExpressionTests
{
    private static IEnumerable<(string File, string Step, string Run)> RunSteps(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path)) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var stepLists = root.Children.TryGetValue(new YamlScalarNode("jobs"), out var jobs)
            ? ((YamlMappingNode)jobs).Children.Values.Cast<YamlMappingNode>()
                .Where(j => j.Children.ContainsKey(new YamlScalarNode("steps"))).Select(j => (YamlSequenceNode)j["steps"])
            : [(YamlSequenceNode)((YamlMappingNode)root["runs"])["steps"]];
        foreach (var step in stepLists.SelectMany(s => s).Cast<YamlMappingNode>())
        {
            if (step.Children.TryGetValue(new YamlScalarNode("run"), out var run))
                yield return (Path.GetFileName(path), step.Children.TryGetValue(new YamlScalarNode("name"), out var name) ? name.ToString() : "(unnamed)", run.ToString());
        }
    }

    private static IEnumerable<string> Files() =>
        Directory.GetFiles(RepoRoot.File(".github", "workflows"), "*.yml").Append(RepoRoot.File("action.yml")).Order(StringComparer.Ordinal);

    [Test]
    public void No_run_script_contains_an_expression()
    {
        // Act
        var steps = Files().SelectMany(RunSteps).ToList();
        var offenders = steps.Where(s => s.Run.Contains("${{", StringComparison.Ordinal)).Select(s => $"{s.File}: {s.Step}").ToList();

        // Assert
        steps.Count.ShouldBeGreaterThan(6);
        offenders.ShouldBeEmpty();
    }
}
