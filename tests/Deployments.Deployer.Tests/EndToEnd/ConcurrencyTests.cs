using System.Diagnostics;
using System.Text.Json.Nodes;
using Deployments.Deployer.Previews;
using Deployments.Deployer.Tests.TestSupport;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>Locks, interrupts and rule-priority collisions against the fake pulumi's real file-backend lock.</summary>
[NonParallelizable]
public class ConcurrencyTests
{
    [Test]
    public void Two_branches_whose_first_priority_collides_get_distinct_priorities()
    {
        // Arrange: find two branches whose stacks hash to the same first choice.
        var seen = new Dictionary<int, string>();
        string? a = null, b = null;
        for (var i = 0; a is null; i++)
        {
            var branch = $"feature-{i}";
            var priority = RulePriorities.FirstChoice(PreviewNames.StackNameFor(branch));
            if (seen.TryGetValue(priority, out var other)) (a, b) = (other, branch);
            else seen[priority] = branch;
        }
        using var cloud = new FakeCloud();
        cloud.DeployStaging();

        // Act
        var first = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", a, "--image-tag", "1", "--json");
        var second = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", b!, "--image-tag", "1", "--json");
        var redeploy = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", b!, "--image-tag", "2", "--json");

        // Assert
        first.ExitCode.ShouldBe(0, first.StdErr);
        second.ExitCode.ShouldBe(0, second.StdErr);
        second.StdErr.ShouldContain("is taken on the parent's listener; trying");
        var p1 = JsonNode.Parse(first.StdOut)!["rulePriority"]!.GetValue<int>();
        var p2 = JsonNode.Parse(second.StdOut)!["rulePriority"]!.GetValue<int>();
        p2.ShouldBe(p1 % RulePriorities.Max + 1);
        JsonNode.Parse(redeploy.StdOut)!["rulePriority"]!.GetValue<int>().ShouldBe(p2, "a redeploy keeps its priority");
    }

    [Test]
    public void A_preview_holding_the_environments_test_rule_priority_moves_off_it_on_its_redeploy()
    {
        // Arrange: a preview deployed when previews could take 49999, which a blue/green environment's test rule now
        // holds on the same listener (its outputs, in the fake backend's state, say what it was given)
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "old", "--image-tag", "1", "--json").ExitCode.ShouldBe(0);
        var file = Path.Combine(cloud.State, ".pulumi", "stacks", cloud.ProjectName, "preview-old.json");
        var state = JsonNode.Parse(File.ReadAllText(file))!;
        state["outputs"]!["rulePriority"] = 49999;
        File.WriteAllText(file, state.ToJsonString());

        // Act
        var redeploy = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "old", "--image-tag", "2", "--json");

        // Assert
        redeploy.ExitCode.ShouldBe(0, redeploy.StdErr);
        redeploy.StdErr.ShouldContain("held listener rule priority 49999, which is now the environment's (its test rule)");
        JsonNode.Parse(redeploy.StdOut)!["rulePriority"]!.GetValue<int>().ShouldBe(RulePriorities.FirstChoice("preview-old"));
    }

    [Test]
    public void A_lock_held_by_someone_else_is_waited_for_then_reported_with_its_holder()
    {
        // Arrange: a lock file of another process, as the file backend writes them.
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        Directory.CreateDirectory(cloud.LockDirectory("staging"));
        var lockFile = Path.Combine(cloud.LockDirectory("staging"), "8c1f3a52-0000-4000-8000-000000000001.json");
        File.WriteAllText(lockFile, "{\"pid\":4242,\"username\":\"ci\",\"hostname\":\"runner-7\",\"timestamp\":\"2026-01-02T03:04:05.000Z\"}");

        // Act
        var blocked = cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "2.0.0", "--lock-wait", "0");
        var cleared = cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "2.0.0", "--lock-wait", "0", "--clear-stale-lock", "60");

        // Assert
        blocked.ExitCode.ShouldBe(ExitCodes.Locked);
        blocked.StdErr.ShouldContain("stack 'staging' is locked by ci@runner-7 (pid 4242) since 2026-01-02 03:04:05Z");
        blocked.StdErr.ShouldContain("--clear-stale-lock");
        cleared.ExitCode.ShouldBe(0, cleared.StdErr);
        cleared.StdErr.ShouldContain("clearing the lock on 'staging' held by ci@runner-7");
        File.Exists(lockFile).ShouldBeFalse();
    }

    [Test]
    public void A_fresh_lock_is_never_cleared()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        Directory.CreateDirectory(cloud.LockDirectory("staging"));
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(cloud.LockDirectory("staging"), "8c1f3a52-0000-4000-8000-000000000002.json"),
            $"{{\"pid\":1,\"username\":\"ci\",\"hostname\":\"h\",\"timestamp\":\"{now}\"}}");

        var result = cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "2.0.0", "--lock-wait", "0", "--clear-stale-lock", "60");

        result.ExitCode.ShouldBe(ExitCodes.Locked);
        Directory.GetFiles(cloud.LockDirectory("staging")).Length.ShouldBe(1);
    }

    [Test]
    public async Task Two_deployers_on_one_stack_the_second_waits_and_both_succeed()
    {
        // Arrange: updates slow enough to overlap.
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        cloud.Environment["FAKE_PULUMI_STEP_MS"] = "1500";

        // Act
        var one = cloud.DeployerAsync(CancellationToken.None, "env", "deploy", "--skip-migration", "staging", "--image-tag", "2.0.0");
        await Task.Delay(1500);
        var two = cloud.DeployerAsync(CancellationToken.None, "env", "deploy", "--skip-migration", "staging", "--image-tag", "3.0.0");
        var results = await Task.WhenAll(one, two);

        // Assert
        results[0].ExitCode.ShouldBe(0, results[0].StdErr);
        results[1].ExitCode.ShouldBe(0, results[1].StdErr);
        results[1].StdErr.ShouldContain("waiting for 'staging': stack 'staging' is locked by");
        cloud.Deployer("status", "--stack", "staging", "--json").StdOut.ShouldContain("\"result\":\"succeeded\"");
        Directory.GetFiles(cloud.LockDirectory("staging")).ShouldBeEmpty();
    }

    [Test]
    public async Task An_interrupt_stops_pulumi_gracefully_leaves_no_lock_and_a_rerun_finishes()
    {
        // Arrange
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        cloud.Environment["FAKE_PULUMI_STEP_MS"] = "1000";
        using var interrupt = new CancellationTokenSource();

        // Act: Ctrl-C while the update runs
        var clock = Stopwatch.StartNew();
        var run = cloud.DeployerAsync(interrupt.Token, "preview", "deploy", "--no-verify", "--branch", "feature/slow", "--image-tag", "1");
        while (!cloud.Calls.Any(c => c.StartsWith("up ", StringComparison.Ordinal)) && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(100);
        await Task.Delay(2500);
        await interrupt.CancelAsync();
        var interrupted = await run;
        cloud.Environment.Remove("FAKE_PULUMI_STEP_MS");
        var rerun = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/slow", "--image-tag", "1");

        // Assert
        interrupted.ExitCode.ShouldBe(ExitCodes.Cancelled, interrupted.StdErr);
        interrupted.StdErr.ShouldContain("interrupted: pulumi was told to stop the update of 'preview-feature-slow-");
        Directory.GetFiles(cloud.LockDirectory(PreviewNames.StackNameFor("feature/slow"))).ShouldBeEmpty();
        rerun.ExitCode.ShouldBe(0, rerun.StdErr);
    }
}
