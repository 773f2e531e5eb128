using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.Aws;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>A successful <c>env deploy</c> deregisters old task-definition revisions, with the fake pulumi and fake ECS.</summary>
[NonParallelizable]
public class RevisionCleanupTests
{
    internal static JsonObject Outputs(FakeCloud cloud, string stack)
    {
        var (code, stdout, stderr) = cloud.Pulumi("stack", "output", "--json", "--stack", stack);
        code.ShouldBe(0, stderr);
        return JsonNode.Parse(stdout)!.AsObject();
    }

    [Test]
    public void After_a_successful_deploy_revisions_beyond_keepRevisions_go_but_not_the_one_in_use_nor_the_rollback_target()
    {
        // Arrange: staging ran 1.0.0; its families hold 13 revisions, the service runs the old revision 2, revision 1 runs 1.0.0
        using var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        var outputs = Outputs(cloud, "staging");
        var families = outputs["taskDefinitionFamilies"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        families.ShouldBe(["shop-staging", "shop-staging-migrate"]);
        outputs["keepRevisions"]!.GetValue<int>().ShouldBe(10);
        var repository = outputs["repositoryUrl"]!.GetValue<string>();
        var scenario = new FakeAwsScenario
        {
            Statuses = ["PROVISIONING", "RUNNING", "STOPPED"],
            Rollout = ["COMPLETED"],
            ServiceTaskDefinition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-staging:2",
            TaskDefinitions = [.. families.SelectMany(f => FakeTaskDefinition.Revisions(f, 13, r => r == 1 ? $"{repository}:1.0.0" : $"{repository}:0.{r}.0"))],
        };
        using var aws = cloud.UseAws(new FakeAwsServer(scenario));

        // Act
        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0", "--no-verify");

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        int[] Active(string family) => [.. scenario.TaskDefinitions.Where(t => t.Family == family && t.Status == "ACTIVE").Select(t => t.Revision).Order()];
        Active("shop-staging").ShouldBe([1, 2, .. Enumerable.Range(4, 10)], result.StdErr);
        Active("shop-staging-migrate").ShouldBe([1, .. Enumerable.Range(4, 10)], result.StdErr); // no deployment runs it: the rollback target is kept
        result.StdErr.ShouldContain("deregistered 3 task definition revision(s) beyond the newest 10 per family");
    }

    [Test]
    public void A_failed_deploy_deregisters_nothing()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        using var aws = cloud.UseAws(new FakeAwsServer(new FakeAwsScenario
        {
            Statuses = ["PROVISIONING", "RUNNING", "STOPPED"], ExitCode = 1,
            TaskDefinitions = [.. FakeTaskDefinition.Revisions("shop-staging", 13, r => $"x:{r}")],
        }));

        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0");

        result.ExitCode.ShouldBe(ExitCodes.MigrationFailed);
        aws.Targets.ShouldNotContain("ListTaskDefinitions");
        aws.Targets.ShouldNotContain("DeregisterTaskDefinition");
    }
}
