using Deployments.Deployer.Tests.Aws;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary><c>env promote FROM TO</c> with the fake pulumi and fake ECS/ECR: the exact image FROM runs, by digest, no rebuild.</summary>
[NonParallelizable]
public class PromotionTests
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"layers\":[]}";

    private sealed record World(FakeCloud Cloud, FakeAwsServer Aws, string ProductionRepository) : IDisposable
    {
        public void Dispose() { Aws.Dispose(); Cloud.Dispose(); }
    }

    private static World Arrange(Action<FakeAwsScenario>? adjust = null)
    {
        var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        cloud.Pulumi("stack", "init", "production", "--non-interactive").Code.ShouldBe(0);
        var production = cloud.Deployer("env", "deploy", "--skip-migration", "production", "--image-tag", "0.9.0");
        production.ExitCode.ShouldBe(0, production.StdErr);
        var staging = RevisionCleanupTests.Outputs(cloud, "staging");
        var prod = RevisionCleanupTests.Outputs(cloud, "production");
        var running = new FakeTaskDefinition("shop-staging", 5, $"{staging["repositoryUrl"]!.GetValue<string>()}:1.0.0");
        var scenario = new FakeAwsScenario
        {
            Statuses = ["PROVISIONING", "RUNNING", "STOPPED"],
            Rollout = ["COMPLETED"],
            ServiceTaskDefinition = running.Arn,
            TaskDefinitions = [running],
            Images = [new FakeImage(staging["repositoryName"]!.GetValue<string>(), "1.0.0", Digest, Manifest)],
            ImmutableRepositories = [prod["repositoryName"]!.GetValue<string>()],
        };
        adjust?.Invoke(scenario);
        return new World(cloud, cloud.UseAws(new FakeAwsServer(scenario)), prod["repositoryName"]!.GetValue<string>());
    }

    private static string ImageTag(FakeCloud cloud, string stack) =>
        File.ReadAllLines(Path.Combine(cloud.Project, $"Pulumi.{stack}.yaml")).Single(l => l.TrimStart().StartsWith("deployments:imageTag:", StringComparison.Ordinal)).Split(':', 3)[2].Trim().Trim('"');

    [Test]
    public void The_image_staging_runs_is_copied_by_digest_and_released_to_production_with_its_migration()
    {
        using var world = Arrange();

        var result = world.Cloud.Deployer("env", "promote", "staging", "production", "--no-verify");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain($"'staging' runs fake:staging:repository.repositoryUrl:1.0.0 ({Digest})");
        var put = world.Aws.Calls.Single(c => c.Target == "AmazonEC2ContainerRegistry_V20150921.PutImage").Body;
        TestJson.ShouldMatch(put, $$"""{"repositoryName":"{{world.ProductionRepository}}","imageTag":"1.0.0","imageDigest":"{{Digest}}"}""");
        put["imageManifest"]!.GetValue<string>().ShouldBe(Manifest);
        world.Aws.Scenario.Images.ShouldContain(i => i.Repository == world.ProductionRepository && i.Tag == "1.0.0" && i.Digest == Digest);
        world.Aws.Targets.ShouldContain("RunTask"); // production's migration ran before its service moved
        result.StdErr.ShouldContain("1/3 registering 1.0.0 for the migration; the service stays on 0.9.0");
        ImageTag(world.Cloud, "production").ShouldBe("1.0.0");
        world.Cloud.Calls.ShouldContain(c => c.StartsWith("up ", StringComparison.Ordinal) && c.Contains($"promote 1.0.0 ({Digest}) from staging", StringComparison.Ordinal));
    }

    [Test]
    public void Staging_running_another_tag_than_the_release_s_is_refused()
    {
        using var world = Arrange();

        var result = world.Cloud.Deployer("env", "promote", "staging", "production", "--expect-image-tag", "1.1.0-abc1234");

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain("'staging' cannot be promoted: it runs 1.0.0, not 1.1.0-abc1234 (--expect-image-tag)");
        world.Aws.Targets.ShouldNotContain("PutImage");
    }

    [Test]
    public void Promoting_an_environment_to_itself_is_refused()
    {
        using var world = Arrange();

        var result = world.Cloud.Deployer("env", "promote", "staging", "staging");

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain("FROM and TO are both 'staging'");
    }

    [Test]
    public void An_environment_whose_last_update_failed_is_not_promoted_and_nothing_changes()
    {
        using var world = Arrange();
        world.Cloud.Environment["FAKE_PULUMI_FAIL_ON"] = "app-task-definition";
        world.Cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.2.0").ExitCode.ShouldBe(ExitCodes.DeploymentFailed);
        world.Cloud.Environment.Remove("FAKE_PULUMI_FAIL_ON");

        var result = world.Cloud.Deployer("env", "promote", "staging", "production", "--no-verify");

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain("'staging' cannot be promoted: its last update (update 2) ended 'failed'");
        world.Aws.Targets.ShouldNotContain("PutImage");
        ImageTag(world.Cloud, "production").ShouldBe("0.9.0");
    }

    [Test]
    public void A_different_image_under_the_same_immutable_tag_in_production_is_refused_before_any_deploy()
    {
        using var world = Arrange(s => s.Images.Add(new FakeImage("placeholder", "x", "sha256:2222", "{\"other\":true}")));
        world.Aws.Scenario.Images.Add(new FakeImage(world.ProductionRepository, "1.0.0", "sha256:2222", "{\"other\":true}"));
        var ups = world.Cloud.Calls.Count(c => c.StartsWith("up ", StringComparison.Ordinal));

        var result = world.Cloud.Deployer("env", "promote", "staging", "production", "--no-verify");

        result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
        result.StdErr.ShouldContain("'production' already has a different image tagged 1.0.0 (its tags are immutable); nothing was deployed");
        world.Cloud.Calls.Count(c => c.StartsWith("up ", StringComparison.Ordinal)).ShouldBe(ups);
        ImageTag(world.Cloud, "production").ShouldBe("0.9.0");
    }
}
