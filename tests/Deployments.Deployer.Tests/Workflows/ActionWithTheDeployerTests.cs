using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.GitHub;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>
/// action/run.sh with the real deployer behind <c>deployments</c> (the built DLL, as the installed tool runs it): the
/// arguments the action builds are ones the tool's command line accepts, and its answer is the step's.
/// </summary>
[Category("workflows")]
public class ActionWithTheDeployerTests
{
    private static ActionScript WithDeployer()
    {
        var action = new ActionScript();
        action.AddExecutable("deployments", $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "Deployments.Deployer.dll")}\" \"$@\"\n");
        return action;
    }

    [Test]
    public void Github_event_with_dry_run_args_decides_and_calls_nothing()
    {
        // Arrange: no pulumi on PATH is needed, since a dry run calls nothing.
        using var action = WithDeployer();

        // Act
        var result = action.Run("run.sh", new Dictionary<string, string>
        {
            ["INPUT_COMMAND"] = "github-event",
            ["INPUT_PARENT"] = "staging",
            ["INPUT_ARGS"] = $"--dry-run\n--json\n--event-name\npull_request\n--event-path\n{Payloads.Path_("pull_request.opened.payload")}\n",
        });

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        var decision = JsonNode.Parse(result.StdOut)!;
        decision["action"]!.GetValue<string>().ShouldBe("deploy");
        decision["stack"]!.GetValue<string>().ShouldStartWith("preview-");
    }

    [Test]
    public void Plan_runs_in_the_working_directory_offline()
    {
        using var action = WithDeployer();

        var result = action.Run("run.sh", new Dictionary<string, string>
        {
            ["INPUT_COMMAND"] = "plan", ["INPUT_PARENT"] = "staging", ["INPUT_IMAGE_TAG"] = "3f9a2c1",
            ["INPUT_WORKING_DIRECTORY"] = RepoRoot.Dir, ["INPUT_ARGS"] = "--branch\nfeature/login\n--json",
        });

        result.ExitCode.ShouldBe(0, result.StdErr);
        var plan = JsonNode.Parse(result.StdOut)!;
        plan["branch"]!.GetValue<string>().ShouldBe("feature/login");
        plan["stack"]!.GetValue<string>().ShouldStartWith("preview-feature-login-");
    }

    [Test]
    public void An_argument_the_tool_refuses_is_the_tools_exit_2()
    {
        using var action = WithDeployer();

        var result = action.Run("run.sh", new Dictionary<string, string> { ["INPUT_COMMAND"] = "status", ["INPUT_ARGS"] = "--no-such-option" });

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("--no-such-option");
    }
}
