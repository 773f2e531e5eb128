using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// A secret an operator puts in an environment's config never reaches a template, the state, the log or a preview:
/// the compiler refuses it (naming the key and <c>secrets</c>), so the update fails and nothing is written.
/// </summary>
[NonParallelizable]
public class SecretConfigTests
{
    private const string Password = "hunter2-very-secret";

    private static string AllState(FakeCloud cloud) => string.Concat(Directory.EnumerateFiles(cloud.State, "*", SearchOption.AllDirectories).Select(File.ReadAllText));

    [Test]
    public void A_secret_env_on_the_parent_is_refused_and_stays_out_of_state_and_previews()
    {
        // Arrange: staging is up; then the operator adds a secret env value.
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        cloud.Pulumi("config", "set-all", "--stack", "staging", "--secret", $"deployments:env={{\"DB_PASSWORD\":\"{Password}\"}}", "--non-interactive").Code.ShouldBe(0);
        cloud.Pulumi("config", "--json", "--stack", "staging").Out.ShouldNotContain(Password);

        // Act
        var deploy = cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.0.1");
        var preview = cloud.Deployer("preview", "deploy", "--branch", "feature/s", "--image-tag", "abc1234", "--no-verify");

        // Assert: the environment update failed naming the key and the way out; nothing holds the value.
        deploy.ExitCode.ShouldBe(ExitCodes.DeploymentFailed, deploy.StdErr);
        deploy.StdErr.ShouldContain("deployments:env: is marked secret");
        deploy.StdErr.ShouldContain("'secrets'");
        (deploy.StdOut + deploy.StdErr).ShouldNotContain(Password);
        preview.ExitCode.ShouldBe(0, preview.StdErr);
        (preview.StdOut + preview.StdErr).ShouldNotContain(Password);
        AllState(cloud).ShouldNotContain(Password);
    }
}
