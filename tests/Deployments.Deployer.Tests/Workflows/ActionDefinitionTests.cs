using System.Text.RegularExpressions;
using System.Xml.Linq;
using YamlDotNet.RepresentationModel;
using PulumiVersion = Deployments.Deployer.Pulumi.PulumiVersion;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>action.yml at the repository root: the inputs and outputs the contract names, a composite whose scripts
/// get every input through <c>env:</c>, the tool version it ships equal to the one the repository builds.</summary>
[Category("workflows")]
public class ActionDefinitionTests
{
    private static YamlMappingNode Action()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepoRoot.File("action.yml"))) yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    private static string? Scalar(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s ? s.Value : null;

    [Test]
    public void It_declares_the_contracts_inputs_and_outputs()
    {
        // Arrange
        var action = Action();
        var inputs = Map(action, "inputs");

        // Act
        var names = inputs.Children.Keys.Select(k => k.ToString()).ToList();
        var outputs = Map(action, "outputs").Children.ToDictionary(o => o.Key.ToString(), o => Scalar(o.Value, "value"));

        // Assert
        names.ShouldBe(["command", "stack", "parent", "from", "image-tag", "args", "working-directory", "pulumi-version", "tool-version", "tool-source"]);
        Scalar(inputs["command"], "required").ShouldBe("true");
        names.Where(n => n != "command").ShouldAllBe(n => Scalar(inputs[n], "required") == "false");
        Scalar(inputs["working-directory"], "default").ShouldBe(".");
        Scalar(inputs["tool-source"], "default").ShouldBe("nuget");
        outputs.ShouldBe(new Dictionary<string, string?> { ["url"] = "${{ steps.run.outputs.url }}", ["stack"] = "${{ steps.run.outputs.stack }}", ["review"] = "${{ steps.run.outputs.review }}" });
        Scalar(Map(action, "runs"), "using").ShouldBe("composite");
    }

    [Test]
    public void Its_pulumi_default_is_a_release_the_deployer_accepts()
    {
        var version = Scalar(Map(Action(), "inputs")["pulumi-version"], "default")!;

        var match = Regex.Match(version, @"\A3\.(\d+)\.\d+\z");
        match.Success.ShouldBeTrue(version);
        int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(PulumiVersion.Minimum.Minor);
    }

    /// <summary>The action refuses a too old pulumi-version input before installing anything: with the deployer's minimum.</summary>
    [Test]
    public void Its_pulumi_minimum_is_the_deployers()
    {
        var lib = File.ReadAllText(RepoRoot.File(Path.Combine("action", "lib.sh")));

        var match = Regex.Match(lib, @"^readonly PULUMI_MINIMUM_MINOR=(\d+)$", RegexOptions.Multiline);

        match.Success.ShouldBeTrue();
        PulumiVersion.Minimum.Major.ShouldBe(3);
        PulumiVersion.Minimum.Build.ShouldBe(0);
        int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(PulumiVersion.Minimum.Minor);
    }

    [Test]
    public void Its_tool_version_default_is_the_version_this_repository_builds()
    {
        var props = XDocument.Load(RepoRoot.File("Directory.Build.props"));
        var version = props.Descendants("Version").Single().Value;

        Scalar(Map(Action(), "inputs")["tool-version"], "default").ShouldBe(version);
    }

    [Test]
    public void Every_step_runs_a_script_beside_it_and_takes_inputs_only_through_env()
    {
        // Arrange
        var steps = ((YamlSequenceNode)Map(Action(), "runs")["steps"]).Cast<YamlMappingNode>().ToList();
        var runs = steps.Where(s => Scalar(s, "run") is not null).ToList();

        // Assert: a `${{ }}` inside `run:` would paste the value into the script's source.
        runs.Count.ShouldBe(4);
        runs.ShouldAllBe(s => !Scalar(s, "run")!.Contains("${{", StringComparison.Ordinal));
        runs.ShouldAllBe(s => Regex.IsMatch(Scalar(s, "run")!, @"\A""\$GITHUB_ACTION_PATH/action/[a-z-]+\.sh""( --check)?\z"));
        runs.ShouldAllBe(s => Scalar(s, "shell") == "bash");
        foreach (var script in runs.Select(s => Regex.Match(Scalar(s, "run")!, @"action/[a-z-]+\.sh").Value))
            File.Exists(RepoRoot.File(script)).ShouldBeTrue(script);
        // The first step checks every input, so that bad input installs nothing.
        Scalar(steps[0], "run").ShouldBe("\"$GITHUB_ACTION_PATH/action/run.sh\" --check");
        Scalar(steps[^1], "id").ShouldBe("run");
    }

    [Test]
    public void The_check_step_and_the_run_step_get_every_input_they_read()
    {
        var steps = ((YamlSequenceNode)Map(Action(), "runs")["steps"]).Cast<YamlMappingNode>().ToList();
        var inputs = Map(Action(), "inputs").Children.Keys.Select(k => k.ToString()).ToList();
        string Env(string input) => "INPUT_" + input.Replace('-', '_').ToUpperInvariant();

        var check = Map(steps[0], "env").Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());
        var run = Map(steps[^1], "env").Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());

        check.ShouldBe(inputs.ToDictionary(Env, i => $"${{{{ inputs.{i} }}}}"));
        run.ShouldBe(inputs.Where(i => !i.StartsWith("pulumi-", StringComparison.Ordinal) && !i.StartsWith("tool-", StringComparison.Ordinal))
            .ToDictionary(Env, i => $"${{{{ inputs.{i} }}}}"));
    }
}
