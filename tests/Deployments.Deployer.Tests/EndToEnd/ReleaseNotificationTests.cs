using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// <c>notify</c> end to end: <c>env deploy</c> with the fake pulumi posts to a fake webhook on 127.0.0.1 on success and
/// on failure; a webhook that is down, failing, redirecting or not https never changes the release's exit code, and its
/// URL (a secret) is never printed.
/// </summary>
[NonParallelizable]
public class ReleaseNotificationTests
{
    private const string UrlVariable = "DEPLOYMENTS_SLACK_URL";
    private const string SecretPath = "/services/T0001/B0001/s3cr3tW3bh00kP4th";

    private static FakeCloud Arrange(string kind, string webhookUrl)
    {
        var cloud = new FakeCloud();
        cloud.DeployStaging("1.0.0");
        File.AppendAllText(Path.Combine(cloud.Project, "Pulumi.staging.yaml"), $"  deployments:notify:\n    kind: {kind}\n    urlEnv: {UrlVariable}\n");
        cloud.Environment[UrlVariable] = webhookUrl;
        cloud.Environment["GITHUB_ACTIONS"] = "true";
        cloud.Environment["GITHUB_SHA"] = "3f9a2c1" + new string('0', 33);
        cloud.Environment["GITHUB_ACTOR"] = "alice";
        cloud.Environment["GITHUB_SERVER_URL"] = "https://github.com";
        cloud.Environment["GITHUB_REPOSITORY"] = "example-org/shop";
        cloud.Environment["GITHUB_RUN_ID"] = "4242";
        return cloud;
    }

    private static void ShouldNotPrint(DeployerRun.Result result, string url)
    {
        // Only the mask itself names it, so that the runner hides it from then on.
        result.StdErr.Split('\n').Where(l => l.Contains(SecretPath, StringComparison.Ordinal)).ShouldAllBe(l => l.StartsWith("::add-mask::", StringComparison.Ordinal));
        result.StdOut.ShouldNotContain(SecretPath);
        result.StdErr.ShouldContain($"::add-mask::{url}");
    }

    [Test]
    public void A_release_is_posted_to_a_slack_webhook_with_image_commit_actor_outcome_and_run_link()
    {
        // Arrange
        using var webhook = new FakeHttpServer();
        var url = webhook.Url + SecretPath;
        using var cloud = Arrange("slack", url);

        // Act
        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0", "--skip-migration");

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        var request = webhook.Received().Single();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe(SecretPath);
        request.Headers["Content-Type"].ShouldStartWith("application/json");
        var text = JsonNode.Parse(request.Body)!["text"]!.GetValue<string>();
        text.ShouldStartWith("✅ *staging* released `1.1.0` (rolling), commit `3f9a2c1`, by alice\n'staging' runs 1.1.0; not verified (--skip-migration)");
        text.ShouldContain("<https://github.com/example-org/shop/actions/runs/4242|the run>");
        JsonNode.Parse(request.Body)!.AsObject().Count.ShouldBe(1);
        result.StdErr.ShouldContain($"notified the team (the slack webhook in {UrlVariable}): HTTP 200");
        ShouldNotPrint(result, url);
    }

    private static JsonObject Review(string login, string state) => new()
    {
        ["state"] = state, ["comment"] = "", ["environments"] = new JsonArray(new JsonObject { ["id"] = 1, ["name"] = "production" }),
        ["user"] = new JsonObject { ["login"] = login, ["id"] = 7, ["type"] = "User" },
    };

    [Test]
    public void The_notice_names_who_approved_the_run_from_its_review_history()
    {
        // Arrange: the run's review history holds an approval, a rejection (of an earlier attempt) and a hostile login.
        using var webhook = new FakeHttpServer();
        using var github = new GitHub.FakeGitHubServer();
        github.RunApprovals.AddRange([Review("bob", "approved"), Review("carol", "rejected"), Review("<!channel>", "approved")]);
        using var cloud = Arrange("slack", webhook.Url + SecretPath);
        cloud.Environment["GITHUB_TOKEN"] = GitHub.FakeGitHubServer.Token;
        cloud.Environment["GITHUB_API_URL"] = github.Url;

        // Act
        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0", "--skip-migration");

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        github.Requests.ShouldContain("GET /repos/example-org/shop/actions/runs/4242/approvals");
        JsonNode.Parse(webhook.Received().Single().Body)!["text"]!.GetValue<string>()
            .ShouldStartWith("✅ *staging* released `1.1.0` (rolling), commit `3f9a2c1`, by alice, approved by bob\n");
    }

    [Test]
    public void A_review_history_the_token_may_not_read_is_a_warning_and_the_notice_still_goes()
    {
        using var webhook = new FakeHttpServer();
        using var github = new GitHub.FakeGitHubServer { RunApprovalsAnswer = 403 };
        using var cloud = Arrange("json", webhook.Url + SecretPath);
        cloud.Environment["GITHUB_TOKEN"] = GitHub.FakeGitHubServer.Token;
        cloud.Environment["GITHUB_API_URL"] = github.Url;

        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0", "--skip-migration");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain("warning: who approved the run is not in the notice: its review history could not be read (the token may not read it (the workflow needs permissions actions: read))");
        var body = JsonNode.Parse(webhook.Received().Single().Body)!.AsObject();
        body["approvedBy"].ShouldBeNull();
        body["outcome"]!.GetValue<string>().ShouldBe("succeeded");
    }

    [Test]
    public void A_failed_release_is_posted_to_a_json_webhook_and_still_fails_as_before()
    {
        // Arrange: staging's last update carries notify; the next update fails on the app's task definition
        using var webhook = new FakeHttpServer();
        using var cloud = Arrange("json", webhook.Url + SecretPath);
        cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.0.0", "--skip-migration").ExitCode.ShouldBe(0);
        var before = webhook.Received().Count;
        cloud.Environment["FAKE_PULUMI_FAIL_ON"] = "app-task-definition";

        // Act
        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0", "--skip-migration");

        // Assert
        result.ExitCode.ShouldBe(ExitCodes.DeploymentFailed, result.StdErr);
        var body = JsonNode.Parse(webhook.Received().Skip(before).Single().Body)!.AsObject();
        body["event"]!.GetValue<string>().ShouldBe("release");
        body["environment"]!.GetValue<string>().ShouldBe("staging");
        body["imageTag"]!.GetValue<string>().ShouldBe("1.1.0");
        body["outcome"]!.GetValue<string>().ShouldBe("failed");
        body["strategy"]!.GetValue<string>().ShouldBe("rolling");
        body["message"]!.GetValue<string>().ShouldStartWith("the update of 'staging' failed");
        body["message"]!.GetValue<string>().ShouldEndWith("(exit 5)");
        body["commit"]!.GetValue<string>().ShouldBe("3f9a2c1" + new string('0', 33));
        body["actor"]!.GetValue<string>().ShouldBe("alice");
        body["runUrl"]!.GetValue<string>().ShouldBe("https://github.com/example-org/shop/actions/runs/4242");
    }

    [Test]
    public void A_webhook_that_is_down_is_retried_once_then_a_warning_and_the_release_succeeds()
    {
        var down = new FakeHttpServer();
        var url = down.Url + SecretPath;
        down.Dispose();
        using var cloud = Arrange("slack", url);

        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0", "--skip-migration");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain($"the notification to the slack webhook in {UrlVariable} failed (no connection: ConnectionError); trying once more");
        result.StdErr.ShouldContain($"warning: the team was not notified: the slack webhook in {UrlVariable} failed (no connection: ConnectionError); the release itself is not affected");
        ShouldNotPrint(result, url);
    }

    [Test]
    public void A_webhook_answering_500_is_retried_once_and_a_4xx_is_not()
    {
        using var failing = new FakeHttpServer { Status = 500 };
        using var cloud = Arrange("slack", failing.Url + SecretPath);
        cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0", "--skip-migration").ExitCode.ShouldBe(0);
        failing.Received().Count.ShouldBe(2);

        failing.Status = 404;
        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.2.0", "--skip-migration");

        result.ExitCode.ShouldBe(0, result.StdErr);
        failing.Received().Count.ShouldBe(3);
        result.StdErr.ShouldContain("failed (HTTP 404); the release itself is not affected");
    }

    [Test]
    public void A_redirect_is_not_followed_so_the_body_goes_nowhere_else()
    {
        using var elsewhere = new FakeHttpServer();
        using var redirecting = new FakeHttpServer { RedirectTo = elsewhere.Url + "/collect" };
        using var cloud = Arrange("json", redirecting.Url + SecretPath);

        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0", "--skip-migration");

        result.ExitCode.ShouldBe(0, result.StdErr);
        redirecting.Received().Count.ShouldBe(1);
        elsewhere.Received().ShouldBeEmpty();
        result.StdErr.ShouldContain("answered a redirect (HTTP 307), which is not followed");
    }

    [TestCase("http://hooks.example.com" + SecretPath)]
    [TestCase("ftp://127.0.0.1" + SecretPath)]
    [TestCase("hooks.example.com" + SecretPath)]
    public void A_URL_that_is_not_https_is_not_used_nor_printed(string url)
    {
        using var cloud = Arrange("slack", url);

        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0", "--skip-migration");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain($"warning: the team was not notified: the value of {UrlVariable} is not allowed: an https URL (plain http only to 127.0.0.1, ::1 or localhost)");
        ShouldNotPrint(result, url);
    }

    [Test]
    public void An_unset_variable_is_a_warning_naming_it()
    {
        using var cloud = Arrange("slack", "");
        cloud.Environment.Remove(UrlVariable);

        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0", "--skip-migration");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain($"warning: the team was not notified: {UrlVariable} (notify.urlEnv) is not set");
    }
}
