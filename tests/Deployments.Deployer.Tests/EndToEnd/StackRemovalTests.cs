using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// A removed preview leaves nothing in the backend: on DIY backends <c>stack rm</c> keeps <c>&lt;stack&gt;.json.bak</c>
/// and <c>backups/</c> unless asked (https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack_rm/); the fake keeps them as the real one does.
/// </summary>
[NonParallelizable]
public class StackRemovalTests
{
    [Test]
    public void Preview_destroy_removes_the_stack_with_its_backups()
    {
        // Arrange: two updates, so the backend holds a .bak and backups of the preview
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/x", "--image-tag", "1").ExitCode.ShouldBe(0);
        cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/x", "--image-tag", "2").ExitCode.ShouldBe(0);
        FilesOf(cloud, "preview-feature-x").ShouldNotBeEmpty();

        // Act
        var destroyed = cloud.Deployer("preview", "destroy", "--branch", "feature/x");

        // Assert: no file of the preview is left; the parent's backups are untouched
        destroyed.ExitCode.ShouldBe(0, destroyed.StdErr);
        FilesOf(cloud, "preview-feature-x").ShouldBeEmpty();
        FilesOf(cloud, "staging").ShouldContain(f => f.Contains("backups", StringComparison.Ordinal));
    }

    [Test]
    public void Prune_removes_the_stacks_with_their_backups()
    {
        // Arrange
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "closed-one", "--image-tag", "1").ExitCode.ShouldBe(0);
        cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "closed-one", "--image-tag", "2").ExitCode.ShouldBe(0);
        var open = Path.Combine(cloud.Root, "open.txt");
        File.WriteAllText(open, "main\n");

        // Act
        var prune = cloud.Deployer("preview", "prune", "--max-age", "7d", "--open-branches", open);

        // Assert
        prune.ExitCode.ShouldBe(0, prune.StdErr);
        FilesOf(cloud, "preview-closed-one").ShouldBeEmpty();
    }

    /// <summary>The backend's files of <paramref name="stack"/> (a preview's name continues with its hash).</summary>
    private static List<string> FilesOf(FakeCloud cloud, string stack) =>
        Directory.GetFiles(cloud.State, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(cloud.State, f))
            .Where(f => f.Split(Path.DirectorySeparatorChar).Any(part => part == stack || part.StartsWith(stack + ".", StringComparison.Ordinal) || part.StartsWith(stack + "-", StringComparison.Ordinal)))
            .ToList();
}
