namespace Deployments.Deployer.Tests.Workflows;

/// <summary>
/// The action's main script (action/run.sh) against a fake <c>deployments</c> that records its argv (one file per
/// argument, so that line breaks and quotes survive): each input reaches the tool as exactly one argument, every line
/// of <c>args</c> as one more, and nothing is ever evaluated by a shell.
/// </summary>
[Category("workflows")]
public class ActionRunScriptTests
{
    private const string Recorder = """
        #!/usr/bin/env bash
        dir="$(dirname "$0")/../argv"
        mkdir -p "$dir"
        pwd > "$dir/../cwd"
        i=0
        for a in "$@"; do printf '%s' "$a" > "$dir/$(printf '%03d' $i)"; i=$((i+1)); done
        exit "${FAKE_EXIT:-0}"
        """;

    private static string[] Recorded(ActionScript action)
    {
        var dir = Path.Combine(action.Root, "argv");
        return Directory.Exists(dir) ? Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray() : [];
    }

    private static (ActionScript.Result Result, string[] Argv) Run(Dictionary<string, string> inputs)
    {
        using var action = new ActionScript();
        action.AddExecutable("deployments", Recorder);
        var result = action.Run("run.sh", inputs);
        return (result, Recorded(action));
    }

    private static IEnumerable<TestCaseData> Mappings()
    {
        yield return new TestCaseData(new Dictionary<string, string> { ["INPUT_COMMAND"] = "github-event", ["INPUT_PARENT"] = "staging" },
            new[] { "github", "event", "--parent", "staging" }).SetName("github-event → github event --parent");
        yield return new TestCaseData(new Dictionary<string, string> { ["INPUT_COMMAND"] = "env-deploy", ["INPUT_STACK"] = "staging", ["INPUT_IMAGE_TAG"] = "1.4.2-3f9a2c1" },
            new[] { "env", "deploy", "staging", "--image-tag", "1.4.2-3f9a2c1" }).SetName("env-deploy → env deploy STACK --image-tag");
        yield return new TestCaseData(new Dictionary<string, string> { ["INPUT_COMMAND"] = "env-review", ["INPUT_STACK"] = "staging" },
            new[] { "env", "review", "staging" }).SetName("env-review → env review STACK");
        yield return new TestCaseData(new Dictionary<string, string> { ["INPUT_COMMAND"] = "env-promote", ["INPUT_FROM"] = "staging", ["INPUT_STACK"] = "production", ["INPUT_IMAGE_TAG"] = "1.4.2-3f9a2c1" },
            new[] { "env", "promote", "staging", "production", "--expect-image-tag", "1.4.2-3f9a2c1" }).SetName("env-promote → env promote FROM STACK --expect-image-tag");
        yield return new TestCaseData(new Dictionary<string, string> { ["INPUT_COMMAND"] = "rollback", ["INPUT_STACK"] = "production", ["INPUT_ARGS"] = "--to\n5\n" },
            new[] { "rollback", "production", "--to", "5" }).SetName("rollback → rollback STACK, args after");
        yield return new TestCaseData(new Dictionary<string, string> { ["INPUT_COMMAND"] = "migrate", ["INPUT_STACK"] = "staging", ["INPUT_ARGS"] = "--\ndowngrade\n-1" },
            new[] { "migrate", "--stack", "staging", "--", "downgrade", "-1" }).SetName("migrate → migrate --stack STACK -- ARGS");
        yield return new TestCaseData(new Dictionary<string, string> { ["INPUT_COMMAND"] = "preview-prune", ["INPUT_ARGS"] = "--max-age\n7d\n\n--open-branches\r\nopen-branches.txt\r\n" },
            new[] { "preview", "prune", "--max-age", "7d", "--open-branches", "open-branches.txt" }).SetName("preview-prune → preview prune, blank lines and CRs dropped");
        yield return new TestCaseData(new Dictionary<string, string> { ["INPUT_COMMAND"] = "plan", ["INPUT_STACK"] = "preview-x", ["INPUT_PARENT"] = "staging", ["INPUT_IMAGE_TAG"] = "abc1234" },
            new[] { "plan", "--stack", "preview-x", "--parent", "staging", "--image-tag", "abc1234" }).SetName("plan → plan --stack --parent --image-tag");
        yield return new TestCaseData(new Dictionary<string, string> { ["INPUT_COMMAND"] = "status" },
            new[] { "status" }).SetName("status → status");
        yield return new TestCaseData(new Dictionary<string, string> { ["INPUT_COMMAND"] = "env-drift", ["INPUT_STACK"] = "production", ["INPUT_ARGS"] = "--github-issue" },
            new[] { "env", "drift", "production", "--github-issue" }).SetName("env-drift → env drift STACK, args after");
    }

    [TestCaseSource(nameof(Mappings))]
    public void Each_command_maps_to_the_tools_words_and_each_input_to_one_argument(Dictionary<string, string> inputs, string[] expected)
    {
        // Act
        var (result, argv) = Run(inputs);

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        argv.ShouldBe(expected);
    }

    [Test]
    public void Hostile_args_arrive_as_literal_arguments_and_nothing_runs()
    {
        // Arrange: what a shell would run if the value were ever pasted into a script.
        var hostile = new[] { "; rm -rf ~", "$(touch pwned-dollar)", "`touch pwned-backtick`", "a b  c", "'quoted' \"twice\"", "--x=$HOME" };

        // Act
        var (result, argv) = Run(new Dictionary<string, string> { ["INPUT_COMMAND"] = "status", ["INPUT_ARGS"] = string.Join("\n", hostile) });

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        argv.ShouldBe(["status", .. hostile]);
        result.StdErr.ShouldContain("+ deployments status \\;\\ rm\\ -rf\\ ~");
    }

    [Test]
    public void Hostile_args_touch_nothing()
    {
        using var action = new ActionScript();
        action.AddExecutable("deployments", Recorder);
        File.WriteAllText(Path.Combine(action.Home, "still-here"), "");

        var result = action.Run("run.sh", new Dictionary<string, string>
        {
            ["INPUT_COMMAND"] = "env-deploy", ["INPUT_STACK"] = "staging", ["INPUT_IMAGE_TAG"] = "$(touch pwned-tag)",
            ["INPUT_ARGS"] = "; rm -rf ~\n$(touch pwned-args)\n`touch pwned-backtick`",
        });

        result.ExitCode.ShouldBe(0, result.StdErr);
        File.Exists(Path.Combine(action.Home, "still-here")).ShouldBeTrue();
        Directory.GetFiles(action.Workspace).ShouldBeEmpty();
        Recorded(action).ShouldBe(["env", "deploy", "staging", "--image-tag", "$(touch pwned-tag)", "; rm -rf ~", "$(touch pwned-args)", "`touch pwned-backtick`"]);
    }

    [Test]
    public void The_tools_exit_code_is_the_steps()
    {
        var (result, _) = Run(new Dictionary<string, string> { ["INPUT_COMMAND"] = "status", ["FAKE_EXIT"] = "5" });

        result.ExitCode.ShouldBe(5);
    }

    [Test]
    public void The_working_directory_is_where_the_tool_runs()
    {
        using var action = new ActionScript();
        action.AddExecutable("deployments", Recorder);
        Directory.CreateDirectory(Path.Combine(action.Workspace, "app"));

        var result = action.Run("run.sh", new Dictionary<string, string> { ["INPUT_COMMAND"] = "status", ["INPUT_WORKING_DIRECTORY"] = "app" });

        result.ExitCode.ShouldBe(0, result.StdErr);
        File.ReadAllText(Path.Combine(action.Root, "cwd")).Trim().ShouldBe(Path.Combine(action.Workspace, "app"));
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        TestCaseData Case(string name, string message, params (string Key, string Value)[] inputs) =>
            new TestCaseData(inputs.ToDictionary(i => i.Key, i => i.Value), message).SetName(name);
        yield return Case("unknown command", "input 'command' must be one of: github-event, env-deploy, env-promote, env-review, rollback, migrate, preview-prune, plan, status, env-drift", ("INPUT_COMMAND", "ship"));
        yield return Case("CLI words instead of the command", "input 'command' must be one of", ("INPUT_COMMAND", "env deploy"));
        yield return Case("empty command", "input 'command' must be one of", ("INPUT_COMMAND", ""));
        yield return Case("command with a shell tail", "input 'command' must be one of", ("INPUT_COMMAND", "status; rm -rf ~"));
        yield return Case("missing stack", "input 'stack' is required by command 'env-deploy'", ("INPUT_COMMAND", "env-deploy"), ("INPUT_IMAGE_TAG", "abc1234"));
        yield return Case("missing image tag", "input 'image-tag' is required by command 'env-deploy'", ("INPUT_COMMAND", "env-deploy"), ("INPUT_STACK", "staging"));
        yield return Case("missing stack of env-drift", "input 'stack' is required by command 'env-drift'", ("INPUT_COMMAND", "env-drift"));
        yield return Case("missing from", "input 'from' is required by command 'env-promote'", ("INPUT_COMMAND", "env-promote"), ("INPUT_STACK", "production"));
        yield return Case("input the command does not take", "input 'from' is not used by command 'env-deploy' (only by: env-promote)",
            ("INPUT_COMMAND", "env-deploy"), ("INPUT_STACK", "staging"), ("INPUT_IMAGE_TAG", "abc1234"), ("INPUT_FROM", "staging"));
        yield return Case("stack for github-event", "input 'stack' is not used by command 'github-event'", ("INPUT_COMMAND", "github-event"), ("INPUT_STACK", "staging"));
        yield return Case("two-line stack", "input 'stack' must be one line", ("INPUT_COMMAND", "status"), ("INPUT_STACK", "staging\n--json"));
        yield return Case("stack that is an option", "input 'stack' must not start with '-'", ("INPUT_COMMAND", "status"), ("INPUT_STACK", "--json"));
        yield return Case("missing working directory", "input 'working-directory' must be a directory", ("INPUT_COMMAND", "status"), ("INPUT_WORKING_DIRECTORY", "nowhere"));
    }

    [TestCaseSource(nameof(Refusals))]
    public void Bad_input_is_refused_with_exit_2_naming_the_input_and_the_tool_is_not_run(Dictionary<string, string> inputs, string message)
    {
        var (result, argv) = Run(inputs);

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain(message);
        argv.ShouldBeEmpty();
        // The value is not echoed (it could be anything a workflow passes).
        foreach (var value in inputs.Values.Where(v => v.Length > 0 && v is not ("env-deploy" or "env-promote" or "github-event" or "status" or "env-drift")))
            result.StdErr.ShouldNotContain(value);
    }

    private static IEnumerable<TestCaseData> InstallInputs()
    {
        yield return new TestCaseData("INPUT_PULUMI_VERSION", "3.210.0", "input 'pulumi-version' must be 3.211.0 or newer").SetName("Pulumi older than 3.211");
        yield return new TestCaseData("INPUT_PULUMI_VERSION", "latest", "input 'pulumi-version' must be a Pulumi CLI release").SetName("Pulumi latest");
        yield return new TestCaseData("INPUT_PULUMI_VERSION", "3.259.0; curl x | sh", "input 'pulumi-version' must be a Pulumi CLI release").SetName("Pulumi with a shell tail");
        yield return new TestCaseData("INPUT_TOOL_SOURCE", "git", "input 'tool-source' must be nuget or build").SetName("unknown tool source");
        yield return new TestCaseData("INPUT_TOOL_VERSION", "*", "input 'tool-version' must be a package version").SetName("floating tool version");
    }

    /// <summary>Edge values that are allowed, so that each refusal is shown to be about its value.</summary>
    private static readonly Dictionary<string, string> GoodValues = new()
    {
        ["INPUT_PULUMI_VERSION"] = "v3.211.0", ["INPUT_TOOL_SOURCE"] = "build", ["INPUT_TOOL_VERSION"] = "0.3.0-beta.1",
    };

    [TestCaseSource(nameof(InstallInputs))]
    public void The_check_step_refuses_bad_install_inputs_before_anything_is_installed(string name, string value, string message)
    {
        // Arrange: otherwise good inputs, as action.yml's first step passes them.
        var inputs = new Dictionary<string, string>
        {
            ["INPUT_COMMAND"] = "status", ["INPUT_PULUMI_VERSION"] = "3.259.0", ["INPUT_TOOL_VERSION"] = "0.2.0", ["INPUT_TOOL_SOURCE"] = "nuget",
        };
        inputs[name] = value;
        using var action = new ActionScript();
        action.AddExecutable("deployments", Recorder);

        // Act
        var good = action.Run("run.sh", new Dictionary<string, string>(inputs) { [name] = GoodValues[name] }, "--check");
        var bad = action.Run("run.sh", inputs, "--check");

        // Assert
        good.ExitCode.ShouldBe(0, good.StdErr);
        bad.ExitCode.ShouldBe(2);
        bad.StdErr.ShouldContain(message);
        Recorded(action).ShouldBeEmpty();
        File.ReadAllText(action.GitHubPath).ShouldBeEmpty();
    }
}
