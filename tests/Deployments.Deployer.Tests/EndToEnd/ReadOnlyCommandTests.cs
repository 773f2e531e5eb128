using Deployments.Deployer.Pulumi;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>Read-only commands on a stack or state that is not there: exit 2, and nothing is created (issue 10 §5).</summary>
[NonParallelizable]
public class ReadOnlyCommandTests
{
    [TestCase("status", "--stack", "staging")]
    [TestCase("status")]
    [TestCase("preview", "list")]
    public void Without_any_backend_or_local_state_they_exit_2_and_create_no_state_directory(params string[] args)
    {
        // Arrange: no PULUMI_BACKEND_URL, no pulumi login (a fresh PULUMI_HOME): the local default backend.
        using var cloud = new FakeCloud();
        cloud.Environment.Remove("PULUMI_BACKEND_URL");
        cloud.Environment["PULUMI_HOME"] = Path.Combine(cloud.Root, "pulumi-home");
        var state = Path.Combine(cloud.Project, BackendResolver.LocalStateDirectory);

        // Act
        var result = cloud.Deployer(args);

        // Assert
        result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
        result.StdErr.ShouldContain("there is no local state in");
        Directory.Exists(state).ShouldBeFalse();
        cloud.Calls.ShouldBeEmpty();
    }

    [Test]
    public void Status_of_a_stack_that_does_not_exist_exits_2_naming_it()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();

        var result = cloud.Deployer("status", "--stack", "preview-nope");

        result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
        result.StdErr.ShouldContain("stack 'preview-nope' does not exist in this backend");
    }

    [Test]
    public void A_deploy_still_creates_the_local_state_it_needs()
    {
        using var cloud = new FakeCloud();
        cloud.Environment.Remove("PULUMI_BACKEND_URL");
        cloud.Environment["PULUMI_HOME"] = Path.Combine(cloud.Root, "pulumi-home");

        cloud.Deployer("preview", "deploy", "--branch", "x", "--image-tag", "1");

        Directory.Exists(Path.Combine(cloud.Project, BackendResolver.LocalStateDirectory)).ShouldBeTrue();
    }
}
