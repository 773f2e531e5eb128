using Deployments.Deployer.Pulumi;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>A missing or too old Pulumi CLI is its own named failure (exit 7), never "deployment failed".</summary>
[NonParallelizable]
public class PulumiCliTests
{
    [Test]
    public void Without_pulumi_on_PATH_a_deploy_exits_7_with_install_advice()
    {
        // Arrange: a PATH with the usual system tools (setsid among them) but no pulumi.
        using var cloud = new FakeCloud();
        cloud.Environment["PATH"] = "/usr/bin:/bin";

        // Act
        var result = cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.0.0");

        // Assert
        result.ExitCode.ShouldBe(ExitCodes.ToolMissing, result.StdErr);
        result.StdErr.ShouldContain("the Pulumi CLI ('pulumi') is not on PATH");
        result.StdErr.ShouldContain("https://www.pulumi.com/docs/install/");
        result.StdErr.ShouldNotContain("   at ");
    }

    [TestCase("v3.100.0")]
    [TestCase("v3.153.9")]
    [TestCase("v3.210.9")]
    [TestCase("v2.25.0")]
    public void A_pulumi_older_than_the_minimum_exits_7_before_touching_any_stack(string version)
    {
        // Arrange
        using var cloud = new FakeCloud();
        cloud.Pulumi("stack", "init", "staging", "--non-interactive").Code.ShouldBe(0);
        cloud.Environment["FAKE_PULUMI_VERSION"] = version;
        var before = cloud.Calls.Count;

        // Act
        var result = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/x", "--image-tag", "1");

        // Assert
        result.ExitCode.ShouldBe(ExitCodes.ToolMissing, result.StdErr);
        result.StdErr.ShouldContain($"is version {version[1..]}, older than the supported minimum 3.211.0");
        cloud.Calls.Skip(before).ShouldBe(["version"]);
    }

    [Test]
    public void A_supported_pulumi_is_asked_its_version_once_per_run()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        var before = cloud.Calls.Count;

        var result = cloud.Deployer("status", "--stack", "staging");

        result.ExitCode.ShouldBe(0, result.StdErr);
        cloud.Calls.Skip(before).Count(c => c == "version").ShouldBe(1);
    }

    [TestCase("v3.154.0\n", "3.154.0")]
    [TestCase("v3.210.1-alpha.1733+dirty\n", "3.210.1")]
    [TestCase("3.200.0", "3.200.0")]
    public void Versions_are_read_as_pulumi_prints_them(string stdout, string expected) =>
        PulumiVersion.Parse(stdout).ShouldBe(Version.Parse(expected));

    [TestCase("")]
    [TestCase("pulumi is not installed")]
    public void Anything_else_is_not_a_version(string stdout) => PulumiVersion.Parse(stdout).ShouldBeNull();
}
