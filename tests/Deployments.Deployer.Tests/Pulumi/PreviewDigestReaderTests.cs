using Deployments.Deployer.Errors;
using Deployments.Deployer.Pulumi.Digest;

namespace Deployments.Deployer.Tests.Pulumi;

/// <summary>The digest of <c>pulumi preview --json</c>, in the shape pkg/backend/display/json.go writes it (4-space indent, ns duration).</summary>
public class PreviewDigestReaderTests
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(RepoRoot.Dir, "tests", "Deployments.Deployer.Tests", "testdata", "pulumi-digests", name));

    [Test]
    public void Reads_steps_diffs_counts_and_duration()
    {
        // Act
        var digest = PreviewDigestReader.Read(Fixture("preview-replace-database.json"), "preview");

        // Assert
        digest.Steps.Count.ShouldBe(3);
        digest.Duration.ShouldBe(TimeSpan.FromSeconds(2.5));
        digest.ChangeSummary.ShouldBe(new Dictionary<string, int> { ["replace"] = 1, ["same"] = 9, ["update"] = 1 });
        var database = digest.Steps[1];
        database.Op.ShouldBe(StepOps.Replace);
        database.Urn.Name.ShouldBe("database");
        database.Urn.Type.ShouldBe("aws:rds/instance:Instance");
        database.Urn.Stack.ShouldBe("staging");
        database.Protected.ShouldBeTrue();
        database.ReplaceReasons.ShouldBe(["identifier"]);
        database.DetailedDiff!["identifier"].ShouldBe(new PropertyDiff("update-replace", true));
        database.DetailedDiff["identifier"].ForcesReplacement.ShouldBeTrue();
        database.DetailedDiff["identifier"].Change.ShouldBe("update");
        database.Old!.Inputs["identifier"].GetString().ShouldBe("deployments-staging");
        database.New!.Id.ShouldBeNull();
        digest.Steps[0].DetailedDiff.ShouldBeNull();
        digest.Diagnostics.ShouldHaveSingleItem().Severity.ShouldBe("warning");
    }

    [Test]
    public void A_child_keeps_its_own_type_and_a_name_with_separators()
    {
        var urn = ResourceUrn.Parse("urn:pulumi:staging::deployments::aws:ecs/service:Service$aws:ecs/taskDefinition:TaskDefinition::app::task");

        urn.Type.ShouldBe("aws:ecs/taskDefinition:TaskDefinition");
        urn.Name.ShouldBe("app::task");
        urn.Project.ShouldBe("deployments");
    }

    [Test]
    public void Changes_leave_out_same_steps_and_list_changed_paths()
    {
        var digest = PreviewDigestReader.Read(Fixture("preview-replace-database.json"), "preview");

        digest.Changes.Select(s => s.Urn.Name).ShouldBe(["database", "app::task"]);
        digest.Steps[2].ChangedProperties.ShouldBe(["tags.team"]);
    }

    [Test]
    public void An_empty_digest_is_no_change()
    {
        // A preview of an empty stack prints `{}` with every omitempty field left out.
        var digest = PreviewDigestReader.Read("{}\n", "preview");

        digest.Steps.ShouldBeEmpty();
        digest.Changes.ShouldBeEmpty();
        digest.Duration.ShouldBe(TimeSpan.Zero);
    }

    [TestCase("")]
    [TestCase("not json")]
    [TestCase("{\"steps\": 3}")]
    public void Output_that_is_not_a_digest_is_a_failed_deployment_naming_the_command(string text) =>
        Should.Throw<DeploymentFailedException>(() => PreviewDigestReader.Read(text, "preview")).Message.ShouldStartWith("pulumi preview printed JSON");
}
