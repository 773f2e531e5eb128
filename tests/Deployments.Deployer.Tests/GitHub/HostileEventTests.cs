using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary>Hostile event payloads are payload errors (exit 2) naming the field, never an unexpected failure.</summary>
public class HostileEventTests
{
    private static DeployerRun.Result Event(string eventName, string path) =>
        DeployerRun.Run(["github", "event", "--event-name", eventName, "--event-path", path, "--dry-run", "--json"]);

    private static void ShouldBeRefused(DeployerRun.Result result, string field)
    {
        result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
        result.StdErr.ShouldContain($"'{field}'");
        result.StdErr.ShouldNotContain("   at ");
        result.StdErr.ShouldNotContain("Exception");
        result.StdOut.ShouldBeEmpty();
    }

    [TestCase("   ")]
    [TestCase("feature/\nx")]
    [TestCase("feature/\u0000x")]
    [TestCase("\t")]
    [TestCase("feature/\u001b[31mred")]
    public void A_pull_request_head_ref_that_is_no_branch_is_a_payload_error(string branch) =>
        ShouldBeRefused(Event("pull_request", Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["head"]!["ref"] = branch)), "pull_request.head.ref");

    [TestCase("   ")]
    [TestCase("a\nb")]
    public void A_closed_pull_request_with_such_a_branch_is_refused_too(string branch) =>
        ShouldBeRefused(Event("pull_request", Payloads.Crafted("pull_request.closed.payload", p => p["pull_request"]!["head"]!["ref"] = branch)), "pull_request.head.ref");

    [TestCase("refs/heads/ ")]
    [TestCase("refs/heads/")]
    [TestCase("refs/heads/a\u0001b")]
    public void A_deleted_push_ref_that_is_no_branch_is_a_payload_error(string reference) =>
        ShouldBeRefused(Event("push", Payloads.Crafted("push.payload", p => { p["ref"] = reference; p["deleted"] = true; })), "ref");

    [TestCase(" ")]
    [TestCase("a\rb")]
    public void A_deleted_branch_that_is_no_branch_is_a_payload_error(string reference) =>
        ShouldBeRefused(Event("delete", Payloads.Crafted("delete.payload", p => { p["ref"] = reference; p["ref_type"] = "branch"; })), "ref");

    [Test]
    public void A_branch_longer_than_git_allows_is_a_payload_error() =>
        ShouldBeRefused(Event("pull_request", Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["head"]!["ref"] = new string('a', 5000))), "pull_request.head.ref");

    [Test]
    public void Deeply_nested_json_is_a_payload_error()
    {
        var result = Event("pull_request", Payloads.Raw(new string('[', 100_000) + new string(']', 100_000)));

        result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
        result.StdErr.ShouldContain("event payload");
    }
}
