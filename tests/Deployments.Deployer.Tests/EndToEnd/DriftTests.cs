using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.GitHub;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// <c>env drift</c> against the fake CLI's refresh preview (drift injected with FAKE_PULUMI_DRIFT) and the fake GitHub:
/// what it reports, its exit codes, that it changes nothing, and the one drift issue's life cycle (issue 8, "Drift").
/// Staging is deployed once; a refresh preview never changes it, which the first test checks.
/// </summary>
[NonParallelizable]
public class DriftTests
{
    private const string Marker = "<!-- deployments:drift:staging -->";
    private FakeCloud _cloud = null!;

    [OneTimeSetUp]
    public void DeployStaging()
    {
        _cloud = new FakeCloud();
        _cloud.DeployStaging();
    }

    [OneTimeTearDown]
    public void Dispose() => _cloud.Dispose();

    [SetUp]
    public void NoDrift()
    {
        foreach (var name in new[] { "FAKE_PULUMI_DRIFT", "GITHUB_TOKEN", "GITHUB_API_URL", "GITHUB_REPOSITORY", "GITHUB_STEP_SUMMARY", "GITHUB_SERVER_URL", "GITHUB_RUN_ID" })
            _cloud.Environment.Remove(name);
    }

    private void Drift(JsonObject drift)
    {
        var path = Path.Combine(_cloud.Root, $"drift-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, drift.ToJsonString());
        _cloud.Environment["FAKE_PULUMI_DRIFT"] = path;
    }

    private static JsonObject ScaledAndDeleted() => new()
    {
        ["changed"] = new JsonObject { ["service"] = new JsonObject { ["desiredCount"] = 5 }, ["log-group"] = new JsonObject { ["retentionInDays"] = 1, ["tags"] = new JsonObject { ["owner"] = "mallory" } } },
        ["deleted"] = new JsonArray("preview-wildcard-record"),
    };

    private FakeGitHubServer GitHub()
    {
        var github = new FakeGitHubServer();
        _cloud.Environment["GITHUB_TOKEN"] = FakeGitHubServer.Token;
        _cloud.Environment["GITHUB_API_URL"] = github.Url;
        _cloud.Environment["GITHUB_REPOSITORY"] = "acme/shop";
        return github;
    }

    private DeployerRun.Result Run(params string[] extra) => _cloud.Deployer(["env", "drift", "staging", .. extra]);

    private static List<string> Writes(FakeGitHubServer github) => github.Requests.Where(r => !r.StartsWith("GET ", StringComparison.Ordinal) && r != "POST /graphql").ToList();

    [Test]
    public void Without_drift_it_exits_0_says_so_and_changes_nothing()
    {
        // Arrange
        var state = File.ReadAllText(Path.Combine(_cloud.State, ".pulumi", "stacks", _cloud.ProjectName, "staging.json"));
        var calls = _cloud.Calls.Count;

        // Act
        var result = Run();

        // Assert
        result.ExitCode.ShouldBe(ExitCodes.Success, result.StdErr);
        result.StdOut.ShouldStartWith("staging: no drift (");
        _cloud.Calls.Skip(calls).ShouldBe(["version", "refresh --preview-only --json --stack staging --non-interactive"]);
        File.ReadAllText(Path.Combine(_cloud.State, ".pulumi", "stacks", _cloud.ProjectName, "staging.json")).ShouldBe(state);
        Directory.Exists(_cloud.LockDirectory("staging")).ShouldBeTrue();
        Directory.GetFiles(_cloud.LockDirectory("staging")).ShouldBeEmpty();
    }

    [Test]
    public void Drift_exits_12_with_each_changed_property_old_to_new_and_each_deleted_resource()
    {
        // Arrange
        Drift(ScaledAndDeleted());

        // Act
        var result = Run();

        // Assert
        result.ExitCode.ShouldBe(ExitCodes.DriftDetected, result.StdErr);
        result.StdOut.ShouldBe(
            "staging: drift: 2 resources changed and 1 resource deleted outside Pulumi\n" +
            "  ~ log-group (aws:cloudwatch:LogGroup) changed outside Pulumi\n" +
            "      retentionInDays: 30 → 1\n" +
            "      tags: (absent) → {\"owner\":\"mallory\"}\n" +
            "  ~ service (aws:ecs:Service) changed outside Pulumi\n" +
            "      desiredCount: 1 → 5\n" +
            "  - preview-wildcard-record (aws:route53:Record) deleted outside Pulumi\n");
    }

    [Test]
    public void A_secret_the_cloud_holds_is_shown_as_secret_never_its_value()
    {
        // Arrange: the database's password changed outside Pulumi; Pulumi holds it as a secret.
        Drift(new JsonObject { ["changed"] = new JsonObject { ["database"] = new JsonObject { ["password"] = new JsonObject { ["fake:secret"] = "hunter2-plaintext" } } } });
        var github = GitHub();
        using var _ = github;
        var summary = Path.Combine(_cloud.Root, "summary.md");
        _cloud.Environment["GITHUB_STEP_SUMMARY"] = summary;

        // Act
        var result = Run("--github-issue");

        // Assert
        result.ExitCode.ShouldBe(ExitCodes.DriftDetected, result.StdErr);
        result.StdOut.ShouldContain("      password: (absent) → [secret]\n");
        var body = github.Issues.Single()["body"]!.GetValue<string>();
        body.ShouldContain("| database | aws\\:rds\\:Instance | password | \\(absent\\) | \\[secret\\] |");
        foreach (var text in new[] { result.StdOut, result.StdErr, body, File.ReadAllText(summary) }) text.ShouldNotContain("hunter2");
    }

    [Test]
    public void The_issue_is_opened_on_drift_edited_while_it_lasts_and_closed_when_it_is_gone()
    {
        // Arrange
        var github = GitHub();
        using var _ = github;
        _cloud.Environment["GITHUB_SERVER_URL"] = "https://github.com";
        _cloud.Environment["GITHUB_RUN_ID"] = "4242";

        // Act 1: drift appears.
        Drift(ScaledAndDeleted());
        Run("--github-issue").ExitCode.ShouldBe(ExitCodes.DriftDetected);

        // Assert 1: one issue, ours, labelled, with the marker and what drifted.
        var issue = github.Issues.ShouldHaveSingleItem();
        issue["title"]!.GetValue<string>().ShouldBe("Drift in staging: 2 resources changed and 1 resource deleted outside Pulumi");
        issue["labels"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()).ShouldBe(["drift"]);
        var body = issue["body"]!.GetValue<string>();
        body.ShouldStartWith(Marker + "\n## Drift in staging\n");
        body.ShouldContain("| service | aws\\:ecs\\:Service | desiredCount | 1 | 5 |");
        body.ShouldContain("| preview\\-wildcard\\-record | aws\\:route53\\:Record |");
        body.ShouldContain("([run](https://github.com/acme/shop/actions/runs/4242))");

        // Act 2: the same drift again, after someone renamed the issue.
        issue["title"] = "staging drifted (ops looking)";
        var requests = github.Requests.Count;
        Run("--github-issue").ExitCode.ShouldBe(ExitCodes.DriftDetected);

        // Assert 2: the same issue edited (its new title kept), no new issue, no comment.
        github.Issues.Count.ShouldBe(1);
        Writes(github).Skip(1).ShouldBe(["PATCH /repos/acme/shop/issues/1"]);
        github.Requests.Skip(requests).ShouldContain("PATCH /repos/acme/shop/issues/1");
        issue["title"]!.GetValue<string>().ShouldBe("staging drifted (ops looking)");
        github.Comments.ShouldBeEmpty();

        // Act 3: different drift.
        Drift(new JsonObject { ["changed"] = new JsonObject { ["service"] = new JsonObject { ["desiredCount"] = 9 } } });
        Run("--github-issue").ExitCode.ShouldBe(ExitCodes.DriftDetected);

        // Assert 3: edited to say so.
        github.Issues.Count.ShouldBe(1);
        body = issue["body"]!.GetValue<string>();
        body.ShouldContain("| service | aws\\:ecs\\:Service | desiredCount | 1 | 9 |");
        body.ShouldNotContain("preview\\-wildcard\\-record");
        github.Comments.ShouldBeEmpty();

        // Act 4: the drift is gone.
        _cloud.Environment.Remove("FAKE_PULUMI_DRIFT");
        Run("--github-issue").ExitCode.ShouldBe(ExitCodes.Success);

        // Assert 4: closed as completed, with one short comment.
        issue["state"]!.GetValue<string>().ShouldBe("closed");
        issue["state_reason"]!.GetValue<string>().ShouldBe("completed");
        var comment = github.Comments.ShouldHaveSingleItem();
        comment["issue"]!.GetValue<int>().ShouldBe(1);
        comment["body"]!.GetValue<string>().ShouldStartWith("No drift in staging any more (");

        // Act 5: still no drift, no open issue.
        var writes = Writes(github).Count;
        Run("--github-issue").ExitCode.ShouldBe(ExitCodes.Success);

        // Assert 5: nothing written.
        Writes(github).Count.ShouldBe(writes);
        github.Issues.Count.ShouldBe(1);
        github.Comments.Count.ShouldBe(1);
    }

    [Test]
    public void No_drift_and_no_issue_writes_nothing()
    {
        var github = GitHub();
        using var _ = github;

        var result = Run("--github-issue");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.StdErr);
        Writes(github).ShouldBeEmpty();
        github.Requests.ShouldContain(r => r.StartsWith("GET /repos/acme/shop/issues", StringComparison.Ordinal));
    }

    [Test]
    public void A_look_alike_issue_by_someone_else_is_never_edited_nor_closed()
    {
        // Arrange: issues with our label and marker, by a user and by a bot look-alike; ours is found past them (page 2).
        var github = GitHub();
        using var _ = github;
        var mallory = github.AddIssue("Drift in staging", $"{Marker}\nclick [here](https://evil.example)", "mallory", "User", "open", "drift");
        var lookalike = github.AddIssue("Drift in staging", $"{Marker}\nlooks like a bot", "github-actions[bot]-lookalike", "User", "open", "drift");
        Drift(ScaledAndDeleted());

        // Act
        Run("--github-issue").ExitCode.ShouldBe(ExitCodes.DriftDetected);
        Run("--github-issue").ExitCode.ShouldBe(ExitCodes.DriftDetected);
        _cloud.Environment.Remove("FAKE_PULUMI_DRIFT");
        Run("--github-issue").ExitCode.ShouldBe(ExitCodes.Success);

        // Assert: ours opened once, edited, closed; theirs untouched and open.
        github.Issues.Count.ShouldBe(3);
        var ours = github.Issues[2];
        ours["user"]!["login"]!.GetValue<string>().ShouldBe("github-actions[bot]");
        ours["state"]!.GetValue<string>().ShouldBe("closed");
        foreach (var theirs in new[] { mallory, lookalike })
        {
            theirs["state"]!.GetValue<string>().ShouldBe("open");
            theirs["body"]!.GetValue<string>().ShouldNotContain("## Drift");
        }
        Writes(github).ShouldBe(["POST /repos/acme/shop/issues", "PATCH /repos/acme/shop/issues/3", "POST /repos/acme/shop/issues/3/comments", "PATCH /repos/acme/shop/issues/3"]);
    }

    [Test]
    public void When_the_issues_cannot_be_listed_no_issue_is_opened_and_the_exit_code_still_tells_the_drift()
    {
        var github = GitHub();
        using var _ = github;
        github.IssueListAnswer = 500;
        Drift(ScaledAndDeleted());

        var result = Run("--github-issue");

        result.ExitCode.ShouldBe(ExitCodes.DriftDetected, result.StdErr);
        result.StdErr.ShouldContain("warning: could not list the repository's open issues: HTTP 500");
        github.Issues.ShouldBeEmpty();
    }

    [Test]
    public void Github_issue_without_a_token_is_refused_before_pulumi_runs()
    {
        var calls = _cloud.Calls.Count;
        _cloud.Environment["GITHUB_REPOSITORY"] = "acme/shop";

        var result = Run("--github-issue");

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain("--github-issue needs GITHUB_TOKEN");
        _cloud.Calls.Count.ShouldBe(calls);
    }

    [Test]
    public void A_stack_that_does_not_exist_exits_2_naming_it()
    {
        var result = _cloud.Deployer("env", "drift", "development");

        result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
        result.StdErr.ShouldContain("stack 'development' does not exist in this backend");
    }
}
