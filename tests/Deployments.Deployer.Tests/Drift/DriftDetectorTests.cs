using System.Text.Json;
using Deployments.Deployer.Drift;
using Deployments.Deployer.Pulumi.Digest;

namespace Deployments.Deployer.Tests.Drift;

/// <summary>
/// Drift read from a refresh preview's digest in the shape Pulumi writes it (pkg/backend/display/json.go: the refresh
/// step of each resource, replaced by update with a detailed diff, or delete): what changed, old → new, and never a secret.
/// </summary>
public class DriftDetectorTests
{
    private static DriftReport Report() => DriftDetector.Find(PreviewDigestReader.Read(
        File.ReadAllText(Path.Combine(RepoRoot.Dir, "tests", "Deployments.Deployer.Tests", "testdata", "pulumi-digests", "refresh-drift.json")), "refresh --preview-only"), "staging");

    [Test]
    public void Updates_are_changes_deletes_are_deletions_and_refresh_steps_and_the_stack_are_not_drift()
    {
        var report = Report();

        report.Changed.Select(r => r.Name).ShouldBe(["database", "service"]);
        report.Deleted.ShouldHaveSingleItem().ShouldBe(new DriftedResource("log-group", "aws:cloudwatch/logGroup:LogGroup", []));
        report.Unchanged.ShouldBe(1);
        report.HasDrift.ShouldBeTrue();
    }

    [Test]
    public void Each_path_of_the_detailed_diff_has_its_old_and_new_value()
    {
        var service = Report().Changed.Single(r => r.Name == "service");

        service.Type.ShouldBe("aws:ecs/service:Service");
        service.Properties.ShouldBe(
        [
            new PropertyDrift("desiredCount", "update", "2", "6"),
            new PropertyDrift("loadBalancers[0].containerPort", "update", "8080", "9090"),
            new PropertyDrift("tags.owner", "add", null, "\"mallory\""),
            new PropertyDrift("tags[\"team.name\"]", "update", "\"shop\"", "\"platform\""),
        ]);
    }

    [Test]
    public void A_secret_on_either_side_hides_both_and_a_secret_envelope_is_never_opened()
    {
        var database = Report().Changed.Single(r => r.Name == "database");

        database.Properties.ShouldBe(
        [
            new PropertyDrift("masterToken", "update", DriftValue.Secret, DriftValue.Secret),
            new PropertyDrift("password", "update", DriftValue.Secret, DriftValue.Secret),
        ]);
        var text = DriftRenderer.Text(Report()) + DriftRenderer.Markdown(Report(), DateTimeOffset.UnixEpoch, null);
        text.ShouldNotContain("plaintext");
        text.ShouldNotContain("old-plain-value");
    }

    [Test]
    public void A_digest_of_refresh_steps_only_is_no_drift()
    {
        var digest = new PreviewDigest([], new Dictionary<string, int> { ["same"] = 3 }, [], TimeSpan.Zero, false);

        var report = DriftDetector.Find(digest, "production");

        report.HasDrift.ShouldBeFalse();
        DriftRenderer.Text(report).ShouldBe("production: no drift (0 resources as Pulumi's state says)\n");
    }

    [TestCase("tags.owner", "\"mallory\"")]
    [TestCase("tags[\"team.name\"]", "\"platform\"")]
    [TestCase("list[1].name", "\"b\"")]
    [TestCase("[\"odd key\"]", "1")]
    [TestCase("list[9]", null)]
    [TestCase("tags..owner", null)]
    [TestCase("tags[\"unterminated", null)]
    [TestCase("", null)]
    public void Property_paths_are_looked_up_never_evaluated(string path, string? expected)
    {
        var properties = JsonSerializer.Deserialize("""{"tags":{"owner":"mallory","team.name":"platform"},"list":[{"name":"a"},{"name":"b"}],"odd key":1}""",
            Deployments.Deployer.Json.DeployerJsonContext.Default.DictionaryStringJsonElement)!;

        PropertyPath.Find(properties, path)?.GetRawText().ShouldBe(expected);
        if (expected is null) PropertyPath.Find(properties, path).ShouldBeNull();
    }

    [Test]
    public void A_long_value_is_cut_saying_how_long_it_was()
    {
        using var document = JsonDocument.Parse($"\"{new string('x', 500)}\"");
        var value = document.RootElement;

        var shown = DriftValue.Show(value);

        shown.Length.ShouldBeLessThan(DriftValue.MaxLength + 30);
        shown.ShouldEndWith("… (502 characters)");
    }
}
