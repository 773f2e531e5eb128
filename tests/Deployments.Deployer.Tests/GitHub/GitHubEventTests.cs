using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.TestSupport;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary><c>deployer github event --dry-run --json</c> on real payloads and crafted edge cases.</summary>
public class GitHubEventTests
{
    private static JsonNode Decide(string eventName, string path, params string[] extra)
    {
        var result = DeployerRun.Run(["github", "event", "--event-name", eventName, "--event-path", path, "--dry-run", "--json", .. extra]);
        result.ExitCode.ShouldBe(0, result.StdErr);
        return JsonNode.Parse(result.StdOut)!;
    }

    private static void ShouldDecide(JsonNode decision, string action, string? branch, string reasonPart)
    {
        decision["action"]!.GetValue<string>().ShouldBe(action);
        decision["branch"]?.GetValue<string>().ShouldBe(branch);
        if (branch is not null) decision["stack"]!.GetValue<string>().ShouldBe(PreviewNames.StackNameFor(branch));
        decision["reason"]!.GetValue<string>().ShouldContain(reasonPart);
    }

    [TestCase("pull_request.opened.payload", "pull request #2 opened at 4d1c9f0")]
    [TestCase("pull_request.reopened.payload", "reopened")]
    [TestCase("pull_request.synchronize.payload", "synchronize")]
    [TestCase("pull_request.ready_for_review.payload", "ready for review")]
    public void Opening_and_pushing_deploy_the_head_branch(string file, string reason) =>
        ShouldDecide(Decide("pull_request", Payloads.Path_(file)), "deploy", Payloads.Load(file)["pull_request"]!["head"]!["ref"]!.GetValue<string>(), reason);

    [Test]
    public void Closing_destroys_whether_merged_or_not()
    {
        ShouldDecide(Decide("pull_request", Payloads.Path_("pull_request.closed.payload")), "destroy", "changes", "was closed");
        var merged = Payloads.Crafted("pull_request.closed.payload", p => p["pull_request"]!["merged"] = true);
        ShouldDecide(Decide("pull_request", merged), "destroy", "changes", "was merged");
    }

    [Test]
    public void A_deleted_branch_destroys_its_preview()
    {
        var push = Payloads.Crafted("push.payload", p => { p["ref"] = "refs/heads/feature/x"; p["deleted"] = true; });
        ShouldDecide(Decide("push", push), "destroy", "feature/x", "branch 'feature/x' was deleted");
        var delete = Payloads.Crafted("delete.payload", p => { p["ref"] = "feature/y"; p["ref_type"] = "branch"; });
        ShouldDecide(Decide("delete", delete), "destroy", "feature/y", "was deleted");
        ShouldDecide(Decide("delete", Payloads.Path_("delete.payload")), "none", null, "is a tag");
        ShouldDecide(Decide("push", Payloads.Path_("push.payload")), "none", null, "'refs/tags/v1.2.0' is not a branch");
        ShouldDecide(Decide("push", Payloads.Path_("push.with-new-branch.payload")), "none", null, "nothing to do");
    }

    [Test]
    public void Forks_are_refused_with_a_reason_unless_allowed()
    {
        var fork = Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["head"]!["repo"]!["full_name"] = "stranger/storefront");

        var refused = Decide("pull_request", fork);
        var allowed = Decide("pull_request", fork, "--allow-forks");

        refused["action"]!.GetValue<string>().ShouldBe("none");
        refused["reason"]!.GetValue<string>().ShouldContain("would run that code with this repository's AWS credentials");
        allowed["action"]!.GetValue<string>().ShouldBe("deploy");
        allowed["branch"]!.GetValue<string>().ShouldBe("changes");
    }

    [Test]
    public void A_forks_branch_never_gets_the_stack_of_the_same_branch_here()
    {
        var fork = Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["head"]!["repo"]!["full_name"] = "stranger/Hello-World");
        var forkClosed = Payloads.Crafted("pull_request.closed.payload", p => p["pull_request"]!["head"]!["repo"]!["full_name"] = "stranger/Hello-World");

        var forkStack = Decide("pull_request", fork, "--allow-forks")["stack"]!.GetValue<string>();

        forkStack.ShouldBe("preview-stranger-hello-world-changes-" + NameHash.Of("stranger/hello-world:changes"));
        forkStack.ShouldNotBe(PreviewNames.StackNameFor("changes"));
        Decide("pull_request", forkClosed)["stack"]!.GetValue<string>().ShouldBe(forkStack, "its close names the same stack");
        Decide("pull_request", Payloads.Path_("pull_request.opened.payload"))["stack"]!.GetValue<string>().ShouldBe("preview-changes", "this repository's branch keeps its name");
    }

    [TestCase("stranger/Hello World")]
    [TestCase("stranger/x:y")]
    [TestCase("stranger")]
    public void A_forks_repository_name_that_GitHub_would_not_send_is_a_payload_error(string name)
    {
        var fork = Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["head"]!["repo"]!["full_name"] = name);

        var result = DeployerRun.Run("github", "event", "--event-name", "pull_request", "--event-path", fork, "--dry-run", "--json", "--allow-forks");

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain("'pull_request.head.repo.full_name' must be a GitHub repository as owner/name");
    }

    [Test]
    public void A_deleted_fork_is_an_error_when_deploying_and_its_close_destroys_its_recorded_preview()
    {
        var opened = Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["head"]!["repo"] = null);
        var closed = Payloads.Crafted("pull_request.closed.payload", p => p["pull_request"]!["head"]!["repo"] = null);

        var refused = DeployerRun.Run("github", "event", "--event-name", "pull_request", "--event-path", opened, "--dry-run", "--json");
        refused.ExitCode.ShouldBe(ExitCodes.UserError);
        refused.StdErr.ShouldContain("'pull_request.head.repo' is null — the fork of #2 was deleted, so there is no code to deploy; nothing was done");
        // Its fork's name is gone, and with it the preview's stack name: the preview is found by its recorded owner.
        var decision = Decide("pull_request", closed);
        decision["action"]!.GetValue<string>().ShouldBe("destroy");
        decision["stack"].ShouldBeNull();
        decision["reason"]!.GetValue<string>().ShouldContain("its fork was deleted ('pull_request.head.repo' is null), so its preview is the one recorded as its own");
    }

    [Test]
    public void Drafts_wait_unless_allowed()
    {
        var draft = Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["draft"] = true);

        ShouldDecide(Decide("pull_request", draft), "none", "changes", "is a draft");
        ShouldDecide(Decide("pull_request", draft, "--allow-drafts"), "deploy", "changes", "opened");
    }

    [Test]
    public void Label_gating()
    {
        // The real labeled payload adds "bug"; the opened one carries it too.
        ShouldDecide(Decide("pull_request", Payloads.Path_("pull_request.labeled.payload"), "--label", "bug"), "deploy", "changes", "labeled");
        ShouldDecide(Decide("pull_request", Payloads.Path_("pull_request.labeled.payload"), "--label", "preview"), "none", "changes", "does not gate previews");
        ShouldDecide(Decide("pull_request", Payloads.Path_("pull_request.opened.payload"), "--label", "preview"), "none", "changes", "does not carry the label 'preview'");
        var unlabeled = Payloads.Crafted("pull_request.unlabeled.payload", p => p["label"]!["name"] = "preview");
        ShouldDecide(Decide("pull_request", unlabeled, "--label", "preview"), "destroy", "changes", "was removed");
        ShouldDecide(Decide("pull_request", Payloads.Path_("pull_request.labeled.payload")), "none", "changes", "does not gate previews");
    }

    [Test]
    public void The_preview_wake_label_wakes_the_preview_and_deploys_or_destroys_nothing()
    {
        var wake = Payloads.Path_("pull_request.labeled.preview-wake.payload");

        // Added: wake, whether or not previews are label-gated (and whatever the gate's label).
        ShouldDecide(Decide("pull_request", wake), "wake", "changes", "label 'preview:wake' was added to #2: its preview wakes until the next scheduled stop");
        ShouldDecide(Decide("pull_request", wake, "--label", "preview"), "wake", "changes", "its preview wakes");
        // Removed: nothing (the next scheduled stop puts the preview back to sleep anyway).
        var removed = Payloads.Crafted("pull_request.unlabeled.payload", p => p["label"]!["name"] = "preview:wake");
        ShouldDecide(Decide("pull_request", removed), "none", "changes", "does not gate previews");
        // A fork's preview is refused unless forks are allowed; a deleted fork has no preview.
        var fork = Payloads.Crafted("pull_request.labeled.preview-wake.payload", p => p["pull_request"]!["head"]!["repo"]!["full_name"] = "stranger/storefront");
        Decide("pull_request", fork)["reason"]!.GetValue<string>().ShouldContain("comes from a fork: fork previews are refused");
        var forkWake = Decide("pull_request", fork, "--allow-forks");
        forkWake["action"]!.GetValue<string>().ShouldBe("wake");
        forkWake["stack"]!.GetValue<string>().ShouldBe(PreviewNames.StackNameFor("changes", "stranger/storefront"));
        var deleted = Payloads.Crafted("pull_request.labeled.preview-wake.payload", p => p["pull_request"]!["head"]!["repo"] = null);
        var none = Decide("pull_request", deleted);
        none["action"]!.GetValue<string>().ShouldBe("none");
        none["reason"]!.GetValue<string>().ShouldContain("whose fork was deleted: it has no preview to wake");
    }

    [Test]
    public void A_250_character_unicode_branch_gets_a_valid_stack()
    {
        var branch = string.Concat(Enumerable.Repeat("ünïcødé/分支-", 25))[..250];
        var payload = Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["head"]!["ref"] = branch);

        var decision = Decide("pull_request", payload);

        ShouldDecide(decision, "deploy", branch, "opened");
        decision["stack"]!.GetValue<string>().Length.ShouldBeLessThanOrEqualTo(NameLimits.StackName);
    }

    [TestCase("pull_request.assigned.payload", "nothing to do for pull_request 'assigned'")]
    [TestCase("pull_request.converted_to_draft.payload", "nothing to do for pull_request 'converted_to_draft'")]
    public void Other_actions_do_nothing(string file, string reason) =>
        ShouldDecide(Decide("pull_request", Payloads.Path_(file)), "none", "changes", reason);

    [Test]
    public void Other_events_do_nothing() =>
        Decide("issues", Payloads.Path_("push.payload"))["reason"]!.GetValue<string>().ShouldBe("nothing to do for 'issues' events");

    [Test]
    public void The_image_tag_follows_the_template()
    {
        var result = DeployerRun.Run("github", "event", "--event-name", "pull_request", "--event-path", Payloads.Path_("pull_request.opened.payload"), "--dry-run",
            "--image-tag-template", "pr{pr}-{short_sha}");

        result.StdOut.Trim().ShouldBe("deploy: pull request #2 opened at 4d1c9f0");
    }

    [Test]
    public void Malformed_payloads_name_the_field_and_do_nothing()
    {
        (string Path, string Message)[] cases =
        [
            (Payloads.Raw("{\"action\": \"opened\", \"number\": 2, \"pull_re"), "event payload: not valid JSON"),
            (Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["head"]!.AsObject().Remove("ref")), "'pull_request.head.ref' is missing or wrong: expected a non-empty string"),
            (Payloads.Crafted("pull_request.opened.payload", p => p["number"] = "two"), "'number' is missing or wrong: expected a positive number"),
            (Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["draft"] = "no"), "'pull_request.draft' is missing or wrong: expected true or false"),
            (Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["head"]!.AsObject().Remove("repo")), "'pull_request.head.repo' is missing or wrong: expected an object or null"),
            (Payloads.Raw("[1, 2]"), "event payload: must be a JSON object"),
        ];
        foreach (var (path, message) in cases)
        {
            var result = DeployerRun.Run("github", "event", "--event-name", "pull_request", "--event-path", path, "--json");

            result.ExitCode.ShouldBe(ExitCodes.UserError, path);
            result.StdErr.ShouldContain(message);
            result.StdOut.ShouldBeEmpty();
        }
    }

    [Test]
    public void Without_an_event_it_says_what_to_set()
    {
        var result = DeployerRun.Run("github", "event");

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain("set GITHUB_EVENT_NAME and GITHUB_EVENT_PATH");
    }
}

public class GitHubActionsTests
{
    [Test]
    public void Outside_actions_nothing_is_masked() =>
        DeployerRun.Run(new Dictionary<string, string?> { ["GITHUB_TOKEN"] = "ghs_secret" }, "github", "event", "--event-name", "push",
            "--event-path", Payloads.Path_("push.payload"), "--dry-run").StdErr.ShouldNotContain("add-mask");
}
