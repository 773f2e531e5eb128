using Deployments.Deployer.Tests.Aws;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>Previews with their own database migrate like environments; others skip the step and say so.</summary>
[NonParallelizable]
public class PreviewMigrationTests
{
    [Test]
    public void A_preview_with_its_own_database_migrates_before_its_service_moves()
    {
        // Arrange: a parent whose previews get an RDS instance each.
        using var cloud = new FakeCloud();
        var stackFile = Path.Combine(cloud.Project, "Pulumi.staging.yaml");
        File.WriteAllText(stackFile, File.ReadAllText(stackFile).Replace("databaseStrategy: sidecar", "databaseStrategy: instance", StringComparison.Ordinal));
        cloud.DeployStaging();
        using var aws = new FakeAwsServer(new FakeAwsScenario { Statuses = ["PROVISIONING", "RUNNING", "STOPPED"] });
        cloud.Environment["AWS_ENDPOINT_URL"] = aws.Endpoint.ToString();
        cloud.Environment["AWS_ACCESS_KEY_ID"] = FakeAwsServer.AccessKey;
        cloud.Environment["AWS_SECRET_ACCESS_KEY"] = FakeAwsServer.Secret;

        // Act
        var first = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "db-branch", "--image-tag", "1");
        var before = cloud.Calls.Count;
        var runsBefore = aws.Targets.Count(t => t == "RunTask");
        var second = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "db-branch", "--image-tag", "2");

        // Assert
        first.ExitCode.ShouldBe(0, first.StdErr);
        second.ExitCode.ShouldBe(0, second.StdErr);
        second.StdErr.ShouldContain("registering 2 for the migration; the service stays on 1");
        cloud.Calls.Skip(before).Count(c => c.StartsWith("up ", StringComparison.Ordinal)).ShouldBe(2);
        aws.Targets.Count(t => t == "RunTask").ShouldBe(runsBefore + 1);
    }

    [Test]
    public void A_preview_without_a_persistent_database_skips_the_migration_and_says_so()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();

        var result = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "sidecar-branch", "--image-tag", "1");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain("migration skipped: the database strategy 'sidecar' has no persistent database");
    }
}
