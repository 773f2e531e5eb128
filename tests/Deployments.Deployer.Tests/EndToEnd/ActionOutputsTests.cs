using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// Inside Actions the commands that deploy an environment write <c>url</c> and <c>stack</c> to GITHUB_OUTPUT, as
/// <c>github event</c> does for a preview: they are the GitHub Action's outputs (action.yml).
/// </summary>
[NonParallelizable]
public class ActionOutputsTests
{
    [Test]
    public void Env_deploy_and_rollback_write_the_url_and_the_stack()
    {
        // Arrange
        using var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.1.0").ExitCode.ShouldBe(0);
        var afterDeploy = Path.Combine(cloud.Root, "deploy-output");
        var afterRollback = Path.Combine(cloud.Root, "rollback-output");

        // Act
        cloud.Environment["GITHUB_OUTPUT"] = afterDeploy;
        var deploy = cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.2.0");
        cloud.Environment["GITHUB_OUTPUT"] = afterRollback;
        var rollback = cloud.Deployer("rollback", "--no-verify", "staging");

        // Assert
        deploy.ExitCode.ShouldBe(0, deploy.StdErr);
        rollback.ExitCode.ShouldBe(0, rollback.StdErr);
        var url = deploy.StdOut.Trim();
        url.ShouldStartWith("https://");
        File.ReadAllText(afterDeploy).ShouldBe($"url={url}\nstack=staging\n");
        File.ReadAllText(afterRollback).ShouldBe($"url={url}\nstack=staging\n");
    }

    [Test]
    public void A_failed_deploy_writes_no_outputs()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        var output = Path.Combine(cloud.Root, "github-output");
        cloud.Environment["GITHUB_OUTPUT"] = output;
        cloud.Environment["FAKE_PULUMI_FAIL_ON"] = "app-task-definition";

        var failed = cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.2.0");

        failed.ExitCode.ShouldBe(ExitCodes.DeploymentFailed);
        File.Exists(output).ShouldBeFalse();
    }
}
