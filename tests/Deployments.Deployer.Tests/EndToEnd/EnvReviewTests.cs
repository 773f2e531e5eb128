using Deployments.Deployer.Tests.GitHub;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// <c>env review</c> against the fake pulumi's <c>preview --json</c> digest: the verdict's exit code, the words at the
/// top, nothing changed, and one pull request comment per environment edited in place.
/// </summary>
[NonParallelizable]
public class EnvReviewTests
{
    /// <summary>What a pull request's edit of the stack file does (through the fake's own writer of it).</summary>
    private static void SetConfig(FakeCloud cloud, string stack, string key, string value) =>
        cloud.Pulumi("config", "set-all", "--stack", stack, "--plaintext", $"deployments:{key}={value}").Code.ShouldBe(0);

    [Test]
    public void An_unchanged_environment_has_no_changes_and_exits_0()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();

        var review = cloud.Deployer("env", "review", "staging");

        review.ExitCode.ShouldBe(ExitCodes.Success, review.StdErr);
        review.StdOut.ShouldStartWith("staging: no changes;");
    }

    [Test]
    public void A_database_replacement_exits_11_and_is_called_out_first()
    {
        // Arrange: the database's name is one of an RDS instance's replace-only properties
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        SetConfig(cloud, "staging", "databaseName", "orders");
        var before = File.ReadAllText(Path.Combine(cloud.State, ".pulumi", "stacks", "deployments", "staging.json"));
        var earlier = cloud.Calls.Count;

        // Act
        var review = cloud.Deployer("env", "review", "staging");

        // Assert
        review.ExitCode.ShouldBe(ExitCodes.StatefulChangesPending, review.StdErr);
        var lines = review.StdOut.Split('\n');
        // The database's name also reaches the app's task definitions (updated in place).
        lines[0].ShouldStartWith("staging: 0 to create, 2 to update, 1 to replace, 0 to delete;");
        lines[1].ShouldStartWith("  !! ");
        lines[1].ShouldContain("(aws:rds:Instance): REPLACES (deletes and recreates) a database");
        lines[1].ShouldContain("(because dbName changes)");
        // Nothing was changed: a preview only.
        File.ReadAllText(Path.Combine(cloud.State, ".pulumi", "stacks", "deployments", "staging.json")).ShouldBe(before);
        var calls = cloud.Calls.Skip(earlier).ToList();
        calls.ShouldContain(c => c.StartsWith("preview --json --config-file ", StringComparison.Ordinal) && c.EndsWith(" --stack staging --non-interactive", StringComparison.Ordinal));
        // Config is set only in the review's copy of the file (--config-file), never in the stack's.
        calls.ShouldAllBe(c => c.StartsWith("version", StringComparison.Ordinal) || c.StartsWith("config --json", StringComparison.Ordinal)
            || c.StartsWith("stack output --json", StringComparison.Ordinal) || c.StartsWith("config set-all --stack staging --config-file ", StringComparison.Ordinal)
            || c.StartsWith("preview --json", StringComparison.Ordinal) || c.StartsWith("stack history --json", StringComparison.Ordinal));
    }

    /// <summary>The stack file as the pull request's checkout has it: what was committed, not what a deploy set on its runner.</summary>
    private static string StackFile(FakeCloud cloud) => Path.Combine(cloud.Project, "Pulumi.staging.yaml");

    [Test]
    public void The_image_a_deploy_set_on_its_runner_is_not_a_change()
    {
        // Arrange: staging runs 1.0.0, and the checkout holds the committed file (imageTag as committed, no
        // migrationImageTag): a deploy sets those on its runner and never commits them
        using var cloud = new FakeCloud();
        var committed = File.ReadAllText(StackFile(cloud));
        cloud.DeployStaging("1.0.0");
        File.WriteAllText(StackFile(cloud), committed);

        // Act
        var review = cloud.Deployer("env", "review", "staging");

        // Assert: no change, and the operator's file untouched (the review's values went to a copy, which is gone)
        review.ExitCode.ShouldBe(ExitCodes.Success, review.StdOut + review.StdErr);
        review.StdOut.ShouldStartWith("staging: no changes;");
        File.ReadAllText(StackFile(cloud)).ShouldBe(committed);
        var copy = cloud.Calls.Single(c => c.StartsWith("preview --json", StringComparison.Ordinal)).Split(' ')[3];
        copy.ShouldEndWith("Pulumi.staging.yaml");
        Path.GetDirectoryName(copy).ShouldNotBe(cloud.Project);
        Directory.Exists(Path.GetDirectoryName(copy)).ShouldBeFalse();
    }

    [Test]
    public void An_infrastructure_change_exits_10_with_no_stateful_callout()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        SetConfig(cloud, "staging", "cpu", "1024");
        SetConfig(cloud, "staging", "memory", "2048");

        var review = cloud.Deployer("env", "review", "staging");

        review.ExitCode.ShouldBe(ExitCodes.ChangesPending, review.StdErr);
        review.StdOut.ShouldNotContain("!!");
        review.StdOut.ShouldContain("to update");
        review.StdOut.ShouldContain("(aws:ecs:TaskDefinition): cpu");
    }

    [Test]
    public void A_protected_database_Pulumi_refuses_to_replace_still_exits_11()
    {
        using var cloud = new FakeCloud();
        cloud.Pulumi("stack", "init", "staging", "--non-interactive").Code.ShouldBe(0);
        SetConfig(cloud, "staging", "protect", "true");
        cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.0.0").ExitCode.ShouldBe(0);
        SetConfig(cloud, "staging", "databaseName", "orders");

        var review = cloud.Deployer("env", "review", "staging");

        review.ExitCode.ShouldBe(ExitCodes.StatefulChangesPending, review.StdErr);
        review.StdOut.ShouldContain("REPLACES (deletes and recreates) a protected database");
        review.StdOut.ShouldContain("Pulumi refuses it until `protect` is removed");
    }

    [TestCase("Staging")]
    [TestCase("staging\n")]
    [TestCase("../x")]
    public void A_bad_environment_name_exits_2_before_any_call(string name)
    {
        using var cloud = new FakeCloud();

        var review = cloud.Deployer("env", "review", "staging", name);

        review.ExitCode.ShouldBe(ExitCodes.UserError);
        review.StdErr.ShouldContain("environment");
        cloud.Calls.ShouldBeEmpty();
    }

    [Test]
    public void An_environment_without_its_stack_file_exits_2_before_any_call()
    {
        using var cloud = new FakeCloud();

        var review = cloud.Deployer("env", "review", "staging", "development");

        review.ExitCode.ShouldBe(ExitCodes.UserError);
        review.StdErr.ShouldContain("no stack file Pulumi.development.yaml");
        cloud.Calls.ShouldBeEmpty();
    }

    [Test]
    public void One_comment_per_environment_edited_in_place_on_the_next_run()
    {
        // Arrange: staging and production deployed, a pull request changing staging's database
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        cloud.Pulumi("stack", "init", "production", "--non-interactive").Code.ShouldBe(0);
        var production = cloud.Deployer("env", "deploy", "--skip-migration", "production", "--image-tag", "1.0.0");
        production.ExitCode.ShouldBe(0, production.StdErr);
        using var github = new FakeGitHubServer();
        github.AddOtherComments(3);
        var summary = Path.Combine(cloud.Root, "summary.md");
        var output = Path.Combine(cloud.Root, "output");
        cloud.Environment["GITHUB_TOKEN"] = FakeGitHubServer.Token;
        cloud.Environment["GITHUB_API_URL"] = github.Url;
        cloud.Environment["GITHUB_EVENT_NAME"] = "pull_request";
        cloud.Environment["GITHUB_EVENT_PATH"] = Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["head"]!["sha"] = new string('d', 40));
        cloud.Environment["GITHUB_STEP_SUMMARY"] = summary;
        cloud.Environment["GITHUB_OUTPUT"] = output;
        File.WriteAllText(Path.Combine(cloud.Project, "VERSION"), "1.4.2\n");

        // Act: a first run, then a second after another change
        cloud.Deployer("env", "review", "staging", "production").ExitCode.ShouldBe(ExitCodes.Success);
        SetConfig(cloud, "staging", "databaseName", "orders");
        var second = cloud.Deployer("env", "review", "staging", "production");

        // Assert
        second.ExitCode.ShouldBe(ExitCodes.StatefulChangesPending, second.StdErr);
        string Body(string env) => github.Comments.Single(c => c["body"]!.GetValue<string>().Contains($"<!-- deployments:review:{env} -->", StringComparison.Ordinal))["body"]!.GetValue<string>();
        github.Comments.Count.ShouldBe(3 + 2);
        Body("staging").ShouldContain("> [!CAUTION]");
        Body("staging").ShouldContain("REPLACES (deletes and recreates) a database");
        Body("staging").ShouldContain("Reviewed at commit ddddddd");
        Body("staging").ShouldContain("with the image 1\\.4\\.2-&lt;merge commit&gt;");
        Body("production").ShouldContain("**no changes**");
        Body("production").ShouldContain("the next `v*` tag promotes");
        github.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal)).ShouldBe(2);
        File.ReadAllText(summary).ShouldContain("### Infrastructure review: staging");
        File.ReadAllText(output).ShouldEndWith("review=stateful-changes\n");
    }
}
