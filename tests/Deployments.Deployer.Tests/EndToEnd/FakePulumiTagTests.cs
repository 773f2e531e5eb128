using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// The fake pulumi's stack tags behave as the CLI's (https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack_tag/):
/// kept in the DIY backend's own file, filtered by <c>stack ls --tag</c>, gone with the stack, refused on a missing
/// stack, and not kept by a DIY CLI older than v3.211.0. The deployer's tests rely on each of these.
/// </summary>
[NonParallelizable]
public class FakePulumiTagTests
{
    private static (int Code, string Out, string Err) Run(FakeCloud cloud, params string[] args) => cloud.Pulumi([.. args, "--non-interactive"]);

    private static List<string> Listed(FakeCloud cloud, string? tag)
    {
        var (code, stdout, stderr) = tag is null ? Run(cloud, "stack", "ls", "--json") : Run(cloud, "stack", "ls", "--json", "--tag", tag);
        code.ShouldBe(0, stderr);
        return JsonNode.Parse(stdout)!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
    }

    [Test]
    public void Tags_are_set_read_filtered_and_removed_in_the_diy_backends_tags_file()
    {
        // Arrange
        using var cloud = new FakeCloud();
        foreach (var stack in new[] { "preview-a", "preview-b", "preview-c" }) Run(cloud, "stack", "init", stack).Code.ShouldBe(0);

        // Act
        Run(cloud, "stack", "tag", "set", "--stack", "preview-a", "--", "deployments:lb", "staging.1").Code.ShouldBe(0);
        Run(cloud, "stack", "tag", "set", "deployments:lb", "staging.2", "--stack", "preview-b").Code.ShouldBe(0);
        Run(cloud, "stack", "tag", "set", "owner", "team", "--stack", "preview-b").Code.ShouldBe(0);

        // Assert: the file a DIY backend writes; ls --json, get, and the filters by name and by name=value
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(cloud.State, ".pulumi", "stacks", cloud.ProjectName, "preview-b.pulumi-tags")))!;
        file["version"]!.GetValue<int>().ShouldBe(1);
        file["tags"]!.ToJsonString().ShouldBe("{\"deployments:lb\":\"staging.2\",\"owner\":\"team\"}");
        JsonNode.Parse(Run(cloud, "stack", "tag", "ls", "--json", "--stack", "preview-b").Out)!.ToJsonString().ShouldBe("{\"deployments:lb\":\"staging.2\",\"owner\":\"team\"}");
        Run(cloud, "stack", "tag", "get", "owner", "--stack", "preview-b").Out.ShouldBe("team\n");
        Listed(cloud, "deployments:lb").ShouldBe(["preview-a", "preview-b"]);
        Listed(cloud, "deployments:lb=staging.2").ShouldBe(["preview-b"]);
        Listed(cloud, null).ShouldBe(["preview-a", "preview-b", "preview-c"]);

        // Act / Assert: rm of the last tag deletes the file; stack rm deletes it too
        Run(cloud, "stack", "tag", "rm", "deployments:lb", "--stack", "preview-a").Code.ShouldBe(0);
        PreviewSeed.Tags(cloud, "preview-a").ShouldBeNull();
        Run(cloud, "stack", "rm", "--yes", "--stack", "preview-b").Code.ShouldBe(0);
        PreviewSeed.Tags(cloud, "preview-b").ShouldBeNull();
        Listed(cloud, "deployments:lb").ShouldBeEmpty();
    }

    [Test]
    public void A_tag_command_on_a_missing_stack_fails_as_the_cli_does()
    {
        using var cloud = new FakeCloud();

        var (code, _, stderr) = Run(cloud, "stack", "tag", "set", "a", "b", "--stack", "preview-gone");

        code.ShouldNotBe(0);
        stderr.ShouldContain("error: no stack named 'preview-gone' found");
    }

    [TestCase("deployments:lb", 257, "stack tag \"deployments:lb\" value is too long (max length 256 characters)")]
    [TestCase("has space", 1, "stack tag names may only contain alphanumerics, hyphens, underscores, periods, or colons")]
    public void A_tag_outside_pulumi_clouds_rules_is_refused(string name, int length, string message)
    {
        using var cloud = new FakeCloud();
        Run(cloud, "stack", "init", "preview-a").Code.ShouldBe(0);

        var (code, _, stderr) = Run(cloud, "stack", "tag", "set", "--stack", "preview-a", "--", name, new string('x', length));

        code.ShouldNotBe(0);
        stderr.ShouldContain(message);
    }

    [Test]
    public void A_diy_cli_older_than_3_211_keeps_no_tags_and_ignores_the_filter()
    {
        using var cloud = new FakeCloud();
        Run(cloud, "stack", "init", "preview-a").Code.ShouldBe(0);
        Run(cloud, "stack", "init", "preview-b").Code.ShouldBe(0);
        cloud.Environment["FAKE_PULUMI_VERSION"] = "v3.210.0";

        var (code, _, stderr) = Run(cloud, "stack", "tag", "set", "deployments:lb", "staging.0", "--stack", "preview-a");

        code.ShouldNotBe(0);
        stderr.ShouldContain("error: stack tags not supported in diy mode");
        Listed(cloud, "deployments:lb=staging.0").ShouldBe(["preview-a", "preview-b"]);
    }
}
