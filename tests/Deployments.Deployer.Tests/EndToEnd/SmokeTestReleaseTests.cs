using Deployments.Deployer.Tests.Aws;
using Deployments.Deployer.Tests.GitHub;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// Smoke tests deciding a release, end to end: the fake pulumi (its <c>url</c> outputs pointed at a local app with
/// FAKE_PULUMI_OUTPUTS), the fake ECS (a completed rollout), the app answering its health check, and the test script.
/// </summary>
[NonParallelizable]
public class SmokeTestReleaseTests
{
    internal static readonly string Script = Path.Combine(RepoRoot.Dir, "tests", "Deployments.Deployer.Tests", "testdata", "smoke", "smoke.sh");

    internal static void AddSmokeTest(FakeCloud cloud, string mode) =>
        File.AppendAllText(Path.Combine(cloud.Project, "Pulumi.staging.yaml"),
            $"  deployments:smokeTest:\n    command: [\"sh\", \"{Script}\", \"{mode}\"]\n    timeoutSeconds: 30\n");

    internal static string Config(FakeCloud cloud, string key) =>
        File.ReadAllLines(Path.Combine(cloud.Project, "Pulumi.staging.yaml")).Single(l => l.TrimStart().StartsWith($"deployments:{key}:", StringComparison.Ordinal)).Split(':', 3)[2].Trim().Trim('"');

    /// <summary>Staging at 1.0.0, its smoke test in MODE, its url the local app, and the fake ECS completing the rollout of <paramref name="stack"/>.</summary>
    internal static FakeAwsServer Arrange(FakeCloud cloud, FakeHttpServer app, string mode, string stack = "staging")
    {
        cloud.DeployStaging("1.0.0");
        AddSmokeTest(cloud, mode);
        cloud.Environment["FAKE_PULUMI_OUTPUTS"] = $"{{\"{stack}\": {{\"url\": \"{app.Url}\"}}}}";
        return cloud.UseAws(new FakeAwsServer(new FakeAwsScenario
        {
            Statuses = ["PROVISIONING", "RUNNING", "STOPPED"],
            Rollout = ["COMPLETED"],
            ServiceTaskDefinition = $"fake:{stack}:app-task-definition.arn",
        }));
    }

    [Test]
    public void Passing_smoke_tests_after_the_health_check_release_the_environment()
    {
        using var cloud = new FakeCloud();
        using var app = new FakeHttpServer();
        using var aws = Arrange(cloud, app, "pass");

        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.IndexOf("health: ", StringComparison.Ordinal).ShouldBeLessThan(result.StdErr.IndexOf("smoke tests of 'staging':", StringComparison.Ordinal));
        result.StdErr.ShouldContain($"[smoke] | checking {app.Url}/");
        result.StdErr.ShouldContain("smoke tests of 'staging' passed");
        app.Received().ShouldContain(r => r.Path == "/healthz");
        Config(cloud, "imageTag").ShouldBe("1.1.0");
    }

    [Test]
    public void Failing_smoke_tests_roll_the_environment_back_and_exit_9_with_their_tail()
    {
        using var cloud = new FakeCloud();
        using var app = new FakeHttpServer();
        using var aws = Arrange(cloud, app, "fail");

        var result = cloud.Deployer("env", "deploy", "staging", "--image-tag", "1.1.0");

        result.ExitCode.ShouldBe(ExitCodes.SmokeTestsFailed, result.StdErr);
        result.StdErr.ShouldContain("rolling 'staging' back automatically to 1.0.0");
        result.StdErr.ShouldContain("error: smoke tests of 'staging' failed: exited with code 1; 'staging' was rolled back to 1.0.0.");
        // The script writes one line to stdout, then one to stderr: two pipes, read side by side, so either may come first.
        result.StdErr.ShouldContain("last output lines:\n");
        var tail = result.StdErr[result.StdErr.IndexOf("last output lines:\n", StringComparison.Ordinal)..];
        tail.ShouldContain("\n  | checking");
        tail.ShouldContain("\n  | test_login ... FAILED: expected 200, got 500");
        Config(cloud, "imageTag").ShouldBe("1.0.0");
        cloud.Calls.ShouldContain(c => c.StartsWith("up ", StringComparison.Ordinal) && c.Contains("automatic rollback to 1.0.0 after failed smoke tests of 1.1.0", StringComparison.Ordinal));
    }

    [Test]
    public void A_previews_failing_smoke_tests_are_on_its_comment_and_it_keeps_running()
    {
        // Arrange: the preview of the pull request's branch `changes`, on staging, whose smoke test (the previews' default) fails
        using var cloud = new FakeCloud();
        using var app = new FakeHttpServer();
        using var aws = Arrange(cloud, app, "fail", "preview-changes");
        // Staging's own update (with the smoke test in its stack file) gives previews their default.
        cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.0.0").ExitCode.ShouldBe(0);
        using var github = new FakeGitHubServer();
        cloud.Environment["GITHUB_TOKEN"] = FakeGitHubServer.Token;
        cloud.Environment["GITHUB_API_URL"] = github.Url;
        cloud.Environment["GITHUB_ACTIONS"] = "true";

        // Act
        var result = cloud.Deployer("github", "event", "--event-name", "pull_request", "--event-path",
            Payloads.Crafted("pull_request.opened.payload", p => p["pull_request"]!["head"]!["sha"] = new string('a', 40)));

        // Assert
        result.ExitCode.ShouldBe(ExitCodes.SmokeTestsFailed, result.StdErr);
        result.StdErr.ShouldContain($"smoke tests of 'preview-changes' failed: exited with code 1; the preview keeps running at {app.Url}/");
        var body = github.Comments.Single(c => c["body"]!.GetValue<string>().Contains("deployments:preview:preview-changes", StringComparison.Ordinal))["body"]!.GetValue<string>();
        body.ShouldContain("### ⚠️ Preview `preview-changes` is up, but its smoke tests failed");
        body.ShouldContain("| Smoke tests | exited with code 1 |");
        body.ShouldContain("test_login ... FAILED: expected 200, got 500");
        body.ShouldContain("The preview keeps running on this image");
        github.Statuses.Select(s => s.State).ShouldBe(["in_progress", "failure"]);
        cloud.Deployer("preview", "list", "--json").StdOut.ShouldContain("preview-changes"); // not destroyed
        result.StdErr.ShouldContain("::error title=Preview preview-changes failed::smoke tests of 'preview-changes' failed");
    }
}
