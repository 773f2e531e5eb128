using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>A deploy whose preview host is reserved is refused from the parent's outputs, before any stack is made.</summary>
[NonParallelizable]
public class PreviewHostDeployTests
{
    [Test]
    public void A_branch_taking_a_reserved_host_label_is_refused_before_any_side_effect()
    {
        // Arrange
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        var before = cloud.Calls.Count;

        // Act
        var result = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "www", "--image-tag", "1");

        // Assert: only the version check and the parent's outputs were read.
        result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
        result.StdErr.ShouldContain("would be served at www.preview.shop.example.com, which takes the reserved label 'www'");
        cloud.Calls.Skip(before).Select(c => string.Join(' ', c.Split(' ').Take(2))).ShouldBe(["version", "stack output"]);
    }
}
