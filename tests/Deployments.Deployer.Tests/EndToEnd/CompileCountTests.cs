using System.Globalization;
using System.Text.RegularExpressions;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// No command compiles the same stack twice: the template and the settings (names, cost) come out of one compile.
/// The count is the deployer's own compiles (its door to the compiler, StackCompilation), printed with
/// DEPLOYMENTS_TIMINGS; the compiles the fake pulumi runs as the YAML host are pulumi's, not counted.
/// </summary>
[NonParallelizable]
public partial class CompileCountTests
{
    [GeneratedRegex(@"timings: .*, (?<compiles>\d+) compiles\z", RegexOptions.Multiline)]
    private static partial Regex Compiles();

    private static int CompilesOf(DeployerRun.Result run)
    {
        run.ExitCode.ShouldBe(0, run.StdErr);
        var match = Compiles().Match(run.StdErr.ReplaceLineEndings("\n").TrimEnd());
        match.Success.ShouldBeTrue(run.StdErr);
        return int.Parse(match.Groups["compiles"].Value, CultureInfo.InvariantCulture);
    }

    [Test]
    public void Every_command_compiles_each_stack_it_needs_once()
    {
        // Arrange
        using var cloud = new FakeCloud();
        cloud.Environment["DEPLOYMENTS_TIMINGS"] = "1";
        cloud.Pulumi("stack", "init", "staging", "--non-interactive").Code.ShouldBe(0);

        // Act
        var planEnvironment = cloud.Deployer("plan", "--stack", "staging");
        var planPreview = cloud.Deployer("plan", "--branch", "feature/login");
        var envDeploy = cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.0.0");
        var previewDeploy = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/login", "--image-tag", "3f9a2c1");
        var previewRedeploy = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/login", "--image-tag", "4e8b1d2");
        var status = cloud.Deployer("status", "--stack", "staging");
        var destroy = cloud.Deployer("preview", "destroy", "--branch", "feature/login");

        // Assert
        CompilesOf(planEnvironment).ShouldBe(1, "plan --stack: the environment");
        CompilesOf(planPreview).ShouldBe(2, "plan --branch: the parent's stack file and the preview");
        CompilesOf(envDeploy).ShouldBe(0, "env deploy: pulumi compiles");
        CompilesOf(previewDeploy).ShouldBe(1, "preview deploy: the preview's config, validated and priced by one compile per update");
        CompilesOf(previewRedeploy).ShouldBe(1, "preview deploy of a new image (sidecar database: one update)");
        CompilesOf(status).ShouldBe(0);
        CompilesOf(destroy).ShouldBe(0);
    }
}
