using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.Init;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// What a team does on its first day, in order, through the packed and installed tool (<see cref="InstalledTool"/>):
/// <c>deployments init</c> in an application repository with no terminal, <c>deployments plan</c> offline, then the
/// Pulumi CLI (the fake one) running the generated <c>Pulumi.yaml</c>'s compiler command — the YAML host's discovery
/// call and the stack's — for <c>preview</c> and <c>up</c> of staging, and <c>deployments env deploy</c> doing the same.
/// </summary>
[NonParallelizable]
public class InstallStoryTests
{
    [Test]
    public void Init_then_plan_then_pulumi_preview_and_up_of_staging_all_run_through_the_installed_tool()
    {
        // Arrange: the installed tool, an application repository (git, a Dockerfile), the fake pulumi and a file backend
        var tool = InstalledTool.Get();
        using var repo = new AppRepository("shop");
        using var cloud = new FakeCloud("shop");
        var environment = new Dictionary<string, string?>(cloud.Environment)
        {
            ["PATH"] = tool.Native + Path.PathSeparator + cloud.Environment["PATH"],
        };
        var pulumi = Path.Combine(cloud.Root, "bin", "pulumi");

        // Act 1: init with no terminal and no flags but the repository (so the CI roles are rendered too)
        var init = InstalledTool.Run(tool.Command, ["init", "--github-repository", "acme/shop"], repo.Dir, environment);
        var again = InstalledTool.Run(tool.Command, ["init", "--github-repository", "acme/shop"], repo.Dir, environment);

        // Assert 1: the files a team keeps, pinned to this tool; a second run changes nothing
        init.ExitCode.ShouldBe(0, init.StdErr);
        foreach (var file in new[] { "Pulumi.yaml", "Pulumi.staging.yaml", "Pulumi.production.yaml", ".config/dotnet-tools.json", ".github/workflows/preview.yml", ".github/workflows/deploy.yml" })
            repo.Exists(file).ShouldBeTrue(file);
        repo.Read("Pulumi.yaml").ShouldContain("compiler: deployments compile");
        JsonNode.Parse(repo.Read(".config/dotnet-tools.json"))!["tools"]!["deployments"]!["version"]!.GetValue<string>().ShouldBe(tool.Version);
        repo.Read(".github/workflows/deploy.yml").ShouldContain($"deployments-dev/deployments@{tool.Commit} # v{tool.Version}");
        again.ExitCode.ShouldBe(0, again.StdErr);
        again.StdOut.ShouldNotContain("created");
        again.StdOut.ShouldContain("unchanged");

        // Act 2: plan offline, then the compiler command exactly as Pulumi.yaml gives it, as the YAML host's discovery
        // call makes it (no stack variables)
        var plan = InstalledTool.Run(tool.Command, ["plan", "--branch", "feature/x"], repo.Dir, environment);
        var discovery = InstalledTool.Run(Path.Combine(tool.Native, "deployments"), ["compile"], repo.Dir,
            new Dictionary<string, string?>(environment) { ["PULUMI_STACK"] = null, ["PULUMI_CONFIG"] = null, ["PULUMI_PROJECT"] = null });

        // Assert 2
        plan.ExitCode.ShouldBe(0, plan.StdErr);
        plan.StdOut.ShouldContain("service                shop-pv-feature-x-");
        discovery.ExitCode.ShouldBe(0, discovery.StdErr);
        JsonNode.Parse(discovery.StdOut)!["resources"]!.AsObject().Count.ShouldBeGreaterThan(0);

        // Act 3: the operator's first commands on the staging stack, with the fake pulumi running the compiler
        // command from the generated Pulumi.yaml (found through PATH: the installed tool)
        var init3 = InstalledTool.Run(pulumi, ["stack", "init", "staging", "--non-interactive"], repo.Dir, environment);
        var preview = InstalledTool.Run(pulumi, ["preview", "-s", "staging", "--non-interactive"], repo.Dir, environment);
        var up = InstalledTool.Run(pulumi, ["up", "-s", "staging", "--yes", "--non-interactive"], repo.Dir, environment);
        var deploy = InstalledTool.Run(tool.Command, ["env", "deploy", "staging", "--image-tag", "1.0.1", "--skip-migration"], repo.Dir, environment);

        // Assert 3: staging's resources exist under the app's project, named for the app
        init3.ExitCode.ShouldBe(0, init3.StdErr);
        preview.ExitCode.ShouldBe(0, preview.StdErr);
        preview.StdOut.ShouldContain("to create");
        up.ExitCode.ShouldBe(0, up.StdErr);
        deploy.ExitCode.ShouldBe(0, deploy.StdErr);
        var state = cloud.StackState("staging");
        state["resources"]!.AsObject().Count.ShouldBeGreaterThan(10);
        state.ToJsonString().ShouldContain("shop-staging");
    }
}
