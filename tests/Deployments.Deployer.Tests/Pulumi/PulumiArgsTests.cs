using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Tests.Pulumi;

public class PulumiArgsTests
{
    [Test]
    public void Up_streams_events_skips_the_preview_and_names_the_stack() =>
        PulumiArgs.Up("preview-x", "/tmp/e.json", "deploy 1").ShouldBe(
            ["up", "--yes", "--skip-preview", "--color", "never", "--event-log", "/tmp/e.json", "--message", "deploy 1", "--stack", "preview-x", "--non-interactive"]);

    [Test]
    public void Preview_and_refresh_preview_print_the_json_digest_and_change_nothing()
    {
        PulumiArgs.Preview("staging").ShouldBe(["preview", "--json", "--stack", "staging", "--non-interactive"]);
        PulumiArgs.RefreshPreview("staging").ShouldBe(["refresh", "--preview-only", "--json", "--stack", "staging", "--non-interactive"]);
    }

    [Test]
    public void A_review_previews_and_sets_config_in_a_copy_of_the_stack_file()
    {
        PulumiArgs.Preview("staging", "/tmp/r/Pulumi.staging.yaml").ShouldBe(
            ["preview", "--json", "--config-file", "/tmp/r/Pulumi.staging.yaml", "--stack", "staging", "--non-interactive"]);
        PulumiArgs.ConfigSetAll("staging", new Dictionary<string, string> { ["deployments:imageTag"] = "1.0.0" }, "/tmp/r/Pulumi.staging.yaml").ShouldBe(
            ["config", "set-all", "--stack", "staging", "--config-file", "/tmp/r/Pulumi.staging.yaml", "--plaintext", "deployments:imageTag=1.0.0", "--non-interactive"]);
    }

    [Test]
    public void Destroy() =>
        PulumiArgs.Destroy("s", "/e").ShouldBe(["destroy", "--yes", "--skip-preview", "--color", "never", "--event-log", "/e", "--stack", "s", "--non-interactive"]);

    [Test]
    public void Config_set_all_passes_each_pair_as_plaintext_in_key_order() =>
        PulumiArgs.ConfigSetAll("s", new Dictionary<string, string> { ["deployments:b"] = "2", ["aws:region"] = "eu-west-1", ["deployments:a"] = "{\"x\":1}" }).ShouldBe(
            ["config", "set-all", "--stack", "s", "--plaintext", "aws:region=eu-west-1", "--plaintext", "deployments:a={\"x\":1}", "--plaintext", "deployments:b=2", "--non-interactive"]);

    [Test]
    public void Config_rm_all_puts_keys_after_the_separator() =>
        PulumiArgs.ConfigRemoveAll("s", ["deployments:z", "deployments:a"]).ShouldBe(
            ["config", "rm-all", "--stack", "s", "--non-interactive", "--", "deployments:a", "deployments:z"]);

    [Test]
    public void Every_stack_scoped_call_names_its_stack_and_is_non_interactive()
    {
        IReadOnlyList<string>[] calls =
        [
            PulumiArgs.StackRemove("s"), PulumiArgs.StackOutput("s"), PulumiArgs.StackHistory("s", 5), PulumiArgs.ConfigList("s"),
            PulumiArgs.Cancel("s"), PulumiArgs.Up("s", "e", "m"), PulumiArgs.Destroy("s", "e"),
        ];
        foreach (var call in calls)
        {
            call.ShouldContain("--non-interactive");
            call[call.ToList().IndexOf("--stack") + 1].ShouldBe("s");
        }
        PulumiArgs.StackRemove("s").ShouldBe(["stack", "rm", "--yes", "--remove-backups", "--stack", "s", "--non-interactive"]);
        PulumiArgs.StackHistory("s", 5).ShouldBe(["stack", "history", "--json", "--page-size", "5", "--stack", "s", "--non-interactive"]);
        PulumiArgs.StackInit("s").ShouldBe(["stack", "init", "s", "--non-interactive"]);
        PulumiArgs.StackList().ShouldBe(["stack", "ls", "--json", "--non-interactive"]);
    }
}
