using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// A deploy that meets its stack removed by a concurrent destroy deploys again; the request is never lost silently
/// (issue 10 §5). The fake pulumi plays the other run's destroy + stack rm right before our <c>up</c>.
/// </summary>
[NonParallelizable]
public class ConcurrentDestroyTests
{
    [Test]
    public void A_deploy_whose_stack_is_removed_under_it_deploys_again_and_says_so()
    {
        // Arrange: the preview exists; the next up meets it removed.
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/race", "--image-tag", "1").ExitCode.ShouldBe(0);
        var counter = Path.Combine(cloud.Root, "concurrent-destroys");
        File.WriteAllText(counter, "1");
        cloud.Environment["FAKE_PULUMI_CONCURRENT_DESTROY"] = counter;

        // Act
        var result = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/race", "--image-tag", "2", "--json");

        // Assert: deployed again from scratch, at the new image.
        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain("was removed while this deploy ran (a concurrent destroy); deploying it again from scratch (retry 1 of 3)");
        var deployed = JsonNode.Parse(result.StdOut)!;
        deployed["imageTag"]!.GetValue<string>().ShouldBe("2");
        deployed["created"]!.GetValue<bool>().ShouldBeTrue();
        cloud.Deployer("status", "--stack", deployed["stack"]!.GetValue<string>(), "--json").StdOut.ShouldContain("\"imageTag\":\"2\"");
    }

    [Test]
    public void A_stack_that_keeps_vanishing_is_a_failed_deploy_saying_why()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        var counter = Path.Combine(cloud.Root, "concurrent-destroys");
        File.WriteAllText(counter, "10");
        cloud.Environment["FAKE_PULUMI_CONCURRENT_DESTROY"] = counter;

        var result = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/race", "--image-tag", "1");

        result.ExitCode.ShouldBe(ExitCodes.DeploymentFailed, result.StdErr);
        result.StdErr.ShouldContain("was removed by another run 4 times while this deploy ran");
        cloud.Calls.Count(c => c.StartsWith("up ", StringComparison.Ordinal) && c.Contains("--stack preview-", StringComparison.Ordinal)).ShouldBe(4);
    }
}
