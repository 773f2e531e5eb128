using System.Globalization;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// <c>preview list</c> and <c>preview prune</c> over many previews: the same answers at every N and every
/// <c>--parallel</c>, failures and locks isolated to their preview, and concurrency really bounded (the fake pulumi
/// records when each invocation starts and ends). Previews are seeded into the fake backend, not deployed.
/// </summary>
[NonParallelizable]
public class PreviewScaleTests
{
    private static readonly DateTimeOffset Old = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>N previews, every fifth never updated; names sort differently from their creation order.</summary>
    private static List<string> Seed(FakeCloud cloud, int count, DateTimeOffset updated) =>
        Enumerable.Range(0, count).Select(i => PreviewSeed.Write(cloud, $"b{(count - i) * 7 % 101:000}-{i}", i % 5 == 4 ? null : updated.AddMinutes(i))).ToList();

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(25)]
    public void List_gives_the_same_answers_at_every_parallelism(int count)
    {
        // Arrange
        using var cloud = new FakeCloud();
        var stacks = Seed(cloud, count, Old);
        var expected = stacks.Select((s, i) => (Stack: s, Index: i)).OrderBy(s => s.Stack, StringComparer.Ordinal).Select(s =>
        {
            var name = s.Stack["preview-".Length..];
            return s.Index % 5 == 4 ? $"{s.Stack}  -  -  -  never  -"
                : $"{s.Stack}  {name}  https://{name}.preview.example.com  tag-{name}  {Old.AddMinutes(s.Index).ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture)}  succeeded";
        }).ToList();

        // Act
        var serial = cloud.Deployer("preview", "list", "--parallel", "1");
        var parallel = cloud.Deployer("preview", "list");
        var serialJson = cloud.Deployer("preview", "list", "--json", "--parallel", "1");
        var parallelJson = cloud.Deployer("preview", "list", "--json", "--parallel", "32");

        // Assert
        parallel.ExitCode.ShouldBe(0, parallel.StdErr);
        parallel.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(expected);
        parallel.StdOut.ShouldBe(serial.StdOut);
        parallelJson.StdOut.ShouldBe(serialJson.StdOut);
        parallelJson.StdOut.ShouldStartWith("[");
        cloud.Calls.Count(c => c.StartsWith("stack history", StringComparison.Ordinal)).ShouldBe(4 * count);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(25)]
    public void Prune_destroys_the_same_previews_in_stack_order_one_block_each(int count)
    {
        // Arrange
        using var cloud = new FakeCloud();
        var stale = Seed(cloud, count, Old).Order(StringComparer.Ordinal).ToList();
        var fresh = new[] { PreviewSeed.Write(cloud, "fresh-a", DateTimeOffset.UtcNow), PreviewSeed.Write(cloud, "fresh-b", DateTimeOffset.UtcNow) };

        // Act
        var prune = cloud.Deployer("preview", "prune", "--max-age", "7d");
        var list = cloud.Deployer("preview", "list");

        // Assert
        prune.ExitCode.ShouldBe(0, prune.StdErr);
        prune.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':')[0]).ShouldBe(stale.Select(s => $"destroying {s}"));
        var progress = prune.StdErr.Split('\n').Where(l => l.StartsWith("destroying preview '", StringComparison.Ordinal)).ToList();
        progress.ShouldBe(stale.Select(s => $"destroying preview '{s}'"));
        list.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split("  ")[0]).ShouldBe(fresh);
    }

    [Test]
    public void A_failing_destroy_among_several_is_isolated_and_named()
    {
        // Arrange
        using var cloud = new FakeCloud();
        var stacks = Enumerable.Range(0, 6).Select(i => PreviewSeed.Write(cloud, $"p{i}", Old)).ToList();
        cloud.Environment["FAKE_PULUMI_FAIL_ON"] = "resource1";
        cloud.Environment["FAKE_PULUMI_FAIL_STACKS"] = "preview-p2,preview-p4";

        // Act
        var prune = cloud.Deployer("preview", "prune", "--max-age", "7d", "--parallel", "3");

        // Assert
        prune.ExitCode.ShouldBe(ExitCodes.DeploymentFailed);
        prune.StdErr.ShouldContain("2 preview(s) could not be destroyed (retried on the next run):\n  preview-p2: the destroy of 'preview-p2' failed");
        prune.StdErr.ShouldContain("\n  preview-p4: the destroy of 'preview-p4' failed");
        cloud.Environment.Remove("FAKE_PULUMI_FAIL_ON");
        cloud.Deployer("preview", "list").StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split("  ")[0])
            .ShouldBe(["preview-p2", "preview-p4"]);
    }

    [Test]
    public void A_locked_preview_is_reported_and_the_others_destroyed()
    {
        // Arrange
        using var cloud = new FakeCloud();
        foreach (var i in Enumerable.Range(0, 4)) PreviewSeed.Write(cloud, $"p{i}", Old);
        PreviewSeed.Lock(cloud, "preview-p1", DateTimeOffset.UtcNow.AddMinutes(-5));

        // Act
        var prune = cloud.Deployer("preview", "prune", "--max-age", "7d", "--lock-wait", "0");

        // Assert
        prune.ExitCode.ShouldBe(ExitCodes.DeploymentFailed);
        prune.StdErr.ShouldContain("1 preview(s) could not be destroyed (retried on the next run):\n  preview-p1: stack 'preview-p1' is locked by ci@runner (pid 4242)");
        cloud.Deployer("preview", "list").StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split("  ")[0]).ShouldBe(["preview-p1"]);
    }

    [Test]
    public void A_lock_older_than_clear_stale_lock_is_cleared_as_the_sweep_does()
    {
        // Arrange
        using var cloud = new FakeCloud();
        foreach (var i in Enumerable.Range(0, 3)) PreviewSeed.Write(cloud, $"p{i}", Old);
        PreviewSeed.Lock(cloud, "preview-p1", DateTimeOffset.UtcNow.AddHours(-3));

        // Act
        var prune = cloud.Deployer("preview", "prune", "--max-age", "7d", "--lock-wait", "0", "--clear-stale-lock", "120");

        // Assert
        prune.ExitCode.ShouldBe(0, prune.StdErr);
        prune.StdErr.ShouldContain("clearing the lock on 'preview-p1'");
        cloud.Deployer("preview", "list").StdOut.ShouldBeEmpty();
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("33")]
    [TestCase("many")]
    public void Bad_parallel_values_are_user_errors_before_any_call(string value)
    {
        using var cloud = new FakeCloud();
        PreviewSeed.Write(cloud, "p0", Old);

        var prune = cloud.Deployer("preview", "prune", "--max-age", "7d", "--parallel", value);
        var list = cloud.Deployer("preview", "list", "--parallel", value);

        prune.ExitCode.ShouldBe(ExitCodes.UserError);
        list.ExitCode.ShouldBe(ExitCodes.UserError);
        prune.StdErr.ShouldContain("--parallel");
        cloud.Calls.ShouldBeEmpty();
    }

    [Test]
    public void Destroys_and_history_reads_run_at_most_parallel_at_once()
    {
        // Arrange: history reads (0.2 s each) and destroys (0.3 s a resource) slow enough to overlap if nothing held them back
        using var cloud = new FakeCloud();
        foreach (var i in Enumerable.Range(0, 8)) PreviewSeed.Write(cloud, $"p{i}", Old, resources: 2);
        var listSpans = Path.Combine(cloud.Root, "list-spans.log");
        var pruneSpans = Path.Combine(cloud.Root, "prune-spans.log");

        // Act
        cloud.Environment["FAKE_PULUMI_SPANS"] = listSpans;
        cloud.Environment["FAKE_PULUMI_CALL_MS"] = "200";
        var list = cloud.Deployer("preview", "list", "--parallel", "2");
        cloud.Environment.Remove("FAKE_PULUMI_CALL_MS");
        cloud.Environment["FAKE_PULUMI_SPANS"] = pruneSpans;
        cloud.Environment["FAKE_PULUMI_STEP_MS"] = "300";
        var prune = cloud.Deployer("preview", "prune", "--max-age", "7d", "--parallel", "3");

        // Assert
        list.ExitCode.ShouldBe(0, list.StdErr);
        prune.ExitCode.ShouldBe(0, prune.StdErr);
        PreviewSeed.MaxConcurrent(listSpans).ShouldBe(2);
        PreviewSeed.MaxConcurrent(pruneSpans).ShouldBe(3);
        File.ReadAllLines(pruneSpans).Count(l => l.EndsWith(" destroy", StringComparison.Ordinal)).ShouldBe(8);
    }

    [Test]
    public async Task Ctrl_c_interrupts_every_running_destroy_waits_for_them_and_starts_no_more()
    {
        // Arrange: 6 previews, 3 destroyed at once, each resource taking 1.5 s
        using var cloud = new FakeCloud();
        foreach (var i in Enumerable.Range(0, 6)) PreviewSeed.Write(cloud, $"p{i}", Old);
        var spans = Path.Combine(cloud.Root, "spans.log");
        cloud.Environment["FAKE_PULUMI_SPANS"] = spans;
        cloud.Environment["FAKE_PULUMI_STEP_MS"] = "1500";
        using var interrupt = new CancellationTokenSource();

        // Act: Ctrl-C once three destroys run
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = cloud.DeployerAsync(interrupt.Token, "preview", "prune", "--max-age", "7d", "--parallel", "3");
        while (cloud.Calls.Count(c => c.StartsWith("destroy ", StringComparison.Ordinal)) < 3 && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(100);
        await Task.Delay(1000);
        await interrupt.CancelAsync();
        var interrupted = await run;
        var lines = File.ReadAllLines(spans);

        // Assert: every pulumi it started had ended when it returned; none started after; no lock left behind
        interrupted.ExitCode.ShouldBe(ExitCodes.Cancelled, interrupted.StdErr);
        lines.Count(l => l.StartsWith("start ", StringComparison.Ordinal)).ShouldBe(lines.Count(l => l.StartsWith("end ", StringComparison.Ordinal)));
        lines.Count(l => l.EndsWith(" destroy", StringComparison.Ordinal)).ShouldBe(3);
        interrupted.StdErr.Split('\n').Count(l => l.StartsWith("interrupted: pulumi was told to stop the destroy of 'preview-p", StringComparison.Ordinal)).ShouldBe(3);
        foreach (var i in Enumerable.Range(0, 6))
            (Directory.Exists(cloud.LockDirectory($"preview-p{i}")) ? Directory.GetFiles(cloud.LockDirectory($"preview-p{i}")) : []).ShouldBeEmpty();
        foreach (var i in Enumerable.Range(3, 3)) cloud.StackState($"preview-p{i}")["resources"]!.AsObject().Count.ShouldBe(3);
    }
}
