using Deployments.Deployer.Tests.Aws;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary><c>rollback ENV --revision N</c>: the image of the app's task-definition revision N, through the normal rollback path.</summary>
[NonParallelizable]
public class RollbackRevisionTests
{
    private static (FakeCloud Cloud, FakeAwsServer Aws) Arrange()
    {
        var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.1.0").ExitCode.ShouldBe(0);
        var repository = RevisionCleanupTests.Outputs(cloud, "staging")["repositoryUrl"]!.GetValue<string>();
        var aws = cloud.UseAws(new FakeAwsServer(new FakeAwsScenario
        {
            TaskDefinitions =
            [
                new FakeTaskDefinition("shop-staging", 1, "public.ecr.aws/someone/else:1.0.0"),
                new FakeTaskDefinition("shop-staging", 2, $"{repository}:1.0.0"),
                new FakeTaskDefinition("shop-staging", 3, $"{repository}:1.1.0"),
            ],
        }));
        return (cloud, aws);
    }

    private static string ImageTag(FakeCloud cloud) =>
        File.ReadAllLines(Path.Combine(cloud.Project, "Pulumi.staging.yaml")).Single(l => l.TrimStart().StartsWith("deployments:imageTag:", StringComparison.Ordinal)).Split(':', 3)[2].Trim().Trim('"');

    [Test]
    public void A_revision_of_this_environment_s_repository_is_redeployed_by_its_tag()
    {
        var (cloud, aws) = Arrange();
        using var _ = cloud;
        using var __ = aws;

        var result = cloud.Deployer("rollback", "--no-verify", "staging", "--revision", "2");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain("rolling 'staging' back to 1.0.0 (the image of task definition shop-staging:2)");
        aws.Calls.Single(c => c.Target.EndsWith(".DescribeTaskDefinition", StringComparison.Ordinal)).Body["taskDefinition"]!.GetValue<string>().ShouldBe("shop-staging:2");
        ImageTag(cloud).ShouldBe("1.0.0");
    }

    [TestCase("1", "runs 'public.ecr.aws/someone/else:1.0.0', not an image")]
    [TestCase("9", "task definition shop-staging:9 was not found")]
    [TestCase("0", "--revision: 0 is not allowed")]
    public void A_revision_that_is_not_this_environment_s_image_is_refused_and_nothing_changes(string revision, string message)
    {
        var (cloud, aws) = Arrange();
        using var _ = cloud;
        using var __ = aws;
        var before = cloud.Calls.Count;

        var result = cloud.Deployer("rollback", "--no-verify", "staging", "--revision", revision);

        result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
        result.StdErr.ShouldContain(message);
        result.StdErr.ShouldNotContain("   at ");
        cloud.Calls.Skip(before).ShouldNotContain(c => c.StartsWith("up ", StringComparison.Ordinal) || c.StartsWith("config set", StringComparison.Ordinal));
        ImageTag(cloud).ShouldBe("1.1.0");
    }

    [Test]
    public void Revision_and_to_together_are_refused()
    {
        var (cloud, aws) = Arrange();
        using var _ = cloud;
        using var __ = aws;

        var result = cloud.Deployer("rollback", "staging", "--revision", "2", "--to", "1");

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain("pass at most one of --to VERSION, --revision N and --image-tag TAG");
    }
}
