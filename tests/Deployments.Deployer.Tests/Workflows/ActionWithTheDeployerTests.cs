using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.GitHub;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>
/// action/run.sh with the real deployer behind <c>deployments</c> (the built DLL, as the installed tool runs it): the
/// arguments the action builds are ones the tool's command line accepts, and its answer is the step's; with the fake
/// pulumi, a deploy's outputs are the step's outputs.
/// </summary>
[Category("workflows")]
[NonParallelizable]
public class ActionWithTheDeployerTests
{
    private static ActionScript WithDeployer()
    {
        var action = new ActionScript();
        action.AddExecutable("deployments", $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "deployments.dll")}\" \"$@\"\n");
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

    [Test]
    public void Env_deploy_through_the_action_deploys_with_pulumi_and_its_outputs_are_the_steps()
    {
        // Arrange: staging exists; the action's step runs in the project with the fake pulumi on PATH.
        using var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        using var action = WithDeployer();
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = $"{action.Bin}:{cloud.Environment["PATH"]}",
            ["PULUMI_BACKEND_URL"] = cloud.Environment["PULUMI_BACKEND_URL"]!,
            ["PULUMI_CONFIG_PASSPHRASE"] = "",
            ["FAKE_PULUMI_LOG"] = cloud.CallLog,
            ["INPUT_COMMAND"] = "env-deploy", ["INPUT_STACK"] = "staging", ["INPUT_IMAGE_TAG"] = "1.1.0",
            ["INPUT_WORKING_DIRECTORY"] = cloud.Project, ["INPUT_ARGS"] = "--skip-migration",
        };

        // Act
        var result = action.Run("run.sh", environment);

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        var url = result.StdOut.Trim();
        url.ShouldStartWith("https://");
        File.ReadAllText(action.GitHubOutput).ShouldBe($"url={url}\nstack=staging\n");
        cloud.Calls.Count(c => c.StartsWith("up ", StringComparison.Ordinal) && c.Contains("--stack staging", StringComparison.Ordinal)).ShouldBe(2);
        cloud.Deployer("status", "--stack", "staging", "--json").StdOut.ShouldContain("\"imageTag\":\"1.1.0\"");
    }
}
