using System.Diagnostics;
using Deployments.Deployer.Smoke;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Tests.Smoke;

/// <summary>The smoke-test runner with a real child process: testdata/smoke/smoke.sh passes, fails, hangs, injects or prints its environment.</summary>
[NonParallelizable]
public class SmokeTestRunnerTests
{
    private static readonly string Script = Path.Combine(RepoRoot.Dir, "tests", "Deployments.Deployer.Tests", "testdata", "smoke", "smoke.sh");
    private static readonly Uri Url = new("https://staging.shop.example.com");

    private static Dictionary<string, string> Ambient(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin" };
        foreach (var (name, value) in extra) environment[name] = value;
        return environment;
    }

    private static (SmokeTestResult Result, string Log) Run(string mode, int timeoutSeconds = 60, Dictionary<string, string>? environment = null,
        IEnumerable<string>? secrets = null, string? pidFile = null, CancellationToken ct = default)
    {
        var log = new StringWriter();
        var test = new SmokeTestSettings(pidFile is null ? ["sh", Script, mode] : ["sh", Script, mode, pidFile], timeoutSeconds);
        var result = new SmokeTestRunner(environment ?? Ambient(), Path.GetTempPath(), log, secrets).RunAsync(test, Url, "staging", fold: true, ct).GetAwaiter().GetResult();
        return (result, log.ToString());
    }

    private static bool Alive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);

    [Test]
    public void A_passing_test_gets_the_URL_and_its_output_is_printed()
    {
        var (result, log) = Run("pass");

        result.Passed.ShouldBeTrue(log);
        result.Outcome.ShouldBe("passed");
        log.ShouldContain($"  [smoke] | checking {Url}");
        log.ShouldContain("smoke tests of 'staging' passed");
    }

    [Test]
    public void A_failing_test_fails_with_its_exit_code_and_the_tail_of_both_streams()
    {
        var (result, _) = Run("fail");

        result.Passed.ShouldBeFalse();
        result.Outcome.ShouldBe("exited with code 1");
        result.Tail.ShouldContain("test_home ... ok");
        result.Tail.ShouldContain("test_login ... FAILED: expected 200, got 500");
    }

    [Test]
    public void A_hanging_test_is_stopped_at_its_timeout_with_the_children_it_started()
    {
        // Arrange
        var pids = Path.GetTempFileName();
        var clock = Stopwatch.StartNew();

        // Act
        var (result, log) = Run("hang", timeoutSeconds: 2, pidFile: pids);

        // Assert: the script, its child and the orphan it left outside its tree are gone, well before their 600 s.
        result.Passed.ShouldBeFalse();
        result.Outcome.ShouldBe("timed out after 2 s (smokeTest.timeoutSeconds) and was stopped");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        log.ShouldContain("[smoke] | waiting forever");
        var started = File.ReadAllText(pids).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        started.Count.ShouldBe(3);
        Thread.Sleep(200);
        foreach (var pid in started) Alive(pid).ShouldBeFalse($"process {pid} still runs");
        File.Delete(pids);
    }

    [Test]
    public void Ctrl_C_stops_the_test_and_its_children_and_cancels()
    {
        var pids = Path.GetTempFileName();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        Should.Throw<OperationCanceledException>(() => Run("hang", pidFile: pids, ct: cancel.Token));

        Thread.Sleep(200);
        foreach (var pid in File.ReadAllText(pids).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)) Alive(pid).ShouldBeFalse($"process {pid} still runs");
        File.Delete(pids);
    }

    [Test]
    public void Workflow_commands_in_its_output_are_neutralised_and_bracketed_by_stop_commands()
    {
        // Act: inside Actions
        var (result, log) = Run("inject", environment: Ambient(("GITHUB_ACTIONS", "true")));

        // Assert: the runner would take none of its lines for a command — only ours: group, stop, resume, endgroup.
        var raw = Run("inject").Result.Tail;
        RunnerCommands.In(string.Join("\n", raw)).Count.ShouldBe(7, "the script's own lines are commands by the runner's rules");
        var stop = log.Split('\n').Single(l => l.StartsWith("::stop-commands::", StringComparison.Ordinal));
        var token = stop["::stop-commands::".Length..];
        token.ShouldStartWith("deployments-");
        token.Length.ShouldBe("deployments-".Length + 32);
        var commands = RunnerCommands.In(log, token);
        commands.Count.ShouldBe(4, log);
        commands[0].ShouldBe("::group::Smoke tests of staging");
        commands[1].ShouldBe(stop);
        commands[2].ShouldBe($"::{token}::");
        commands[3].ShouldBe("::endgroup::");
        log.IndexOf("[smoke]", StringComparison.Ordinal).ShouldBeGreaterThan(log.IndexOf(commands[1], StringComparison.Ordinal));
        log.LastIndexOf("[smoke]", StringComparison.Ordinal).ShouldBeLessThan(log.IndexOf(commands[2], StringComparison.Ordinal));
        // The tail, as the failure message prints it, holds no command either.
        RunnerCommands.In(result.DescribeTail()).ShouldBeEmpty();
        result.DescribeTail().ShouldContain("| prefix # #[set-output name=url;]https://evil.example.com");
    }

    [Test]
    public void It_runs_without_the_deployers_credentials()
    {
        // Arrange
        var environment = Ambient(
            ("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", "aws-secret-value"), ("AWS_SESSION_TOKEN", "aws-session-value"),
            ("AWS_WEB_IDENTITY_TOKEN_FILE", "/tmp/web-identity"), ("AWS_PROFILE", "admin"),
            ("GITHUB_TOKEN", "ghs-token-value"), ("GH_TOKEN", "gh-token-value"), ("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "oidc-request-value"),
            ("ACTIONS_ID_TOKEN_REQUEST_URL", "https://oidc.example/request"), ("ACTIONS_RUNTIME_TOKEN", "runtime-value"),
            ("PULUMI_ACCESS_TOKEN", "pulumi-token-value"), ("PULUMI_CONFIG_PASSPHRASE", "passphrase-value"),
            ("GITHUB_ENV", "/tmp/github-env"), ("GITHUB_OUTPUT", "/tmp/github-output"), ("DEPLOYMENTS_SLACK_URL", "https://hooks.example/slack-value"),
            ("TEAM_WEBHOOK", "https://hooks.example/team-value"), ("GITHUB_SHA", "3f9a2c1"), ("TEST_USER", "smoke-bot"));

        // Act
        var (result, log) = Run("env", environment: environment, secrets: ["TEAM_WEBHOOK"]);

        // Assert
        result.Passed.ShouldBeTrue(log);
        foreach (var value in new[] { "AKIAEXAMPLE", "aws-secret-value", "aws-session-value", "/tmp/web-identity", "admin", "ghs-token-value", "gh-token-value",
                     "oidc-request-value", "oidc.example", "runtime-value", "pulumi-token-value", "passphrase-value", "/tmp/github-env", "/tmp/github-output",
                     "slack-value", "team-value" })
            log.ShouldNotContain(value);
        log.ShouldContain($"[smoke] | DEPLOYMENTS_URL={Url}");
        log.ShouldContain("[smoke] | DEPLOYMENTS_STACK=staging");
        log.ShouldContain("[smoke] | GITHUB_SHA=3f9a2c1");
        log.ShouldContain("[smoke] | TEST_USER=smoke-bot");
    }

    [Test]
    public void A_program_that_is_not_there_fails_saying_so()
    {
        var log = new StringWriter();

        var result = new SmokeTestRunner(Ambient(), Path.GetTempPath(), log).RunAsync(new SmokeTestSettings(["no-such-smoke-runner"], 10), Url, "staging", true, CancellationToken.None)
            .GetAwaiter().GetResult();

        result.Passed.ShouldBeFalse();
        result.Outcome.ShouldBe("its program 'no-such-smoke-runner' (smokeTest.command) was not found on PATH");
    }
}
