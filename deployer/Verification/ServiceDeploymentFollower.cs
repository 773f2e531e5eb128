using System.Globalization;
using Deployments.Deployer.Aws.Ecs;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Migrations;

namespace Deployments.Deployer.Verification;

/// <summary>
/// Follows a blue/green, canary or linear release through ECS's lifecycle stages
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-how-it-works.html): prints each
/// stage with the traffic ECS sends the new revision, answers the test gate (a PAUSE hook at
/// <c>POST_TEST_TRAFFIC_SHIFT</c>) with the <see cref="ReleaseGate"/>'s verdict, and reports a rollback at any stage
/// as a failure with ECS's reason — like <see cref="RolloutVerifier"/>, never "stable" for a release that went back.
/// </summary>
public sealed class ServiceDeploymentFollower(EcsClient ecs, IClock clock, TextWriter output, ReleaseGate gate)
{
    public const string GateStage = "POST_TEST_TRAFFIC_SHIFT";

    /// <summary>A line at least this often while nothing changes (a bake of many minutes must not look like a hang).</summary>
    public static readonly TimeSpan ProgressEvery = TimeSpan.FromMinutes(1);

    public async Task<VerificationResult> FollowAsync(ReleaseFollowRequest r, CancellationToken ct)
    {
        var started = clock.Now;
        var (current, failures) = await ecs.DescribeServiceAsync(r.Cluster, r.Service, ct);
        if (current is null) return VerificationResult.Failed($"service '{r.Service}' not found in the cluster: {string.Join("; ", failures)}", []);
        if (!current.Deployments.Any(d => d.TaskDefinition == r.TaskDefinition))
            return VerificationResult.Failed($"the service does not run {r.TaskDefinition}: it was rolled back or replaced", Recent(current));
        if (current.CurrentServiceDeployment is not string arn)
            return VerificationResult.Failed($"ECS reports no service deployment for '{r.Service}', so the {r.Strategy} release cannot be followed", Recent(current));

        output.WriteLine($"following the {r.Strategy} release {arn[(arn.LastIndexOf('/') + 1)..]} (at most {Minutes(r.Deadline)} min)");
        var schedule = new PollSchedule();
        string? lastLine = null;
        var lastPrinted = clock.Now;
        string? activeStage = null;
        var atGate = false;
        bool? verdict = null;
        try
        {
            while (true)
            {
                var d = await ecs.DescribeServiceDeploymentAsync(arn, ct);
                if (d is null) return VerificationResult.Failed($"ECS no longer reports the service deployment {arn}", []);
                var line = Describe(d);
                var changed = line != lastLine;
                if (changed) { output.WriteLine(line); lastLine = line; lastPrinted = clock.Now; }
                else if (clock.Now - lastPrinted >= ProgressEvery)
                {
                    output.WriteLine($"  still {d.LifecycleStage ?? d.Status} ({Minutes(clock.Now - started)} of at most {Minutes(r.Deadline)} min)");
                    lastPrinted = clock.Now;
                }
                if (!d.RolledBack) activeStage = d.LifecycleStage ?? activeStage;

                if (d.Status == "SUCCESSFUL")
                    return verdict == false
                        ? VerificationResult.Failed("the test gate failed, yet ECS reports the release completed", await RecentAsync(r, ct))
                        : VerificationResult.Ok();
                if (d.RolledBack && d.Finished)
                {
                    var why = verdict == false
                        ? "the test gate failed: ECS rolled the release back before any production traffic shifted"
                        : $"rolled back by ECS during {activeStage ?? "the release"}: {d.RollbackReason ?? d.StatusReason ?? d.Status}";
                    return VerificationResult.Failed(why, await RecentAsync(r, ct));
                }

                if (verdict is null && !d.RolledBack && d.LifecycleStage == GateStage && d.Hooks.FirstOrDefault(h => h.AwaitsAction) is { } hook)
                {
                    atGate = true;
                    output.WriteLine("  test gate: the new tasks answer on the test route; no production traffic has moved");
                    verdict = r.TestTarget is not null && await gate(r.TestTarget, ct);
                    await ecs.ContinueServiceDeploymentAsync(arn, hook.HookId, verdict == true ? "CONTINUE" : "ROLLBACK", ct);
                    atGate = false;
                    output.WriteLine(verdict == true
                        ? "  test gate passed: ECS goes on to shift production traffic"
                        : "  test gate failed: ECS was told to roll back; production traffic stays on the running revision");
                    changed = true;
                }

                if (clock.Now - started > r.Deadline)
                    return VerificationResult.Failed($"the {r.Strategy} release did not finish within {Minutes(r.Deadline)} min (last: {d.LifecycleStage ?? "?"}, {d.Status}); "
                        + "ECS goes on with it on its own and rolls it back if it fails", await RecentAsync(r, ct));
                await clock.Delay(schedule.After(changed), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (atGate && await TryRollBackAtGateAsync(arn))
                throw new CancelledException("interrupted at the test gate: ECS was told to roll the release back; no production traffic reached the new tasks");
            throw new CancelledException(atGate
                ? $"interrupted at the test gate: ECS rolls the release back when its {r.GateMinutes}-minute gate times out"
                : $"interrupted while following the {r.Strategy} release ({activeStage ?? "starting"}): ECS goes on with it on its own and rolls it back if it fails; "
                    + "'aws ecs list-service-deployments' shows how it ended");
        }
    }

    // Best effort on the way out: a short, separate deadline, because the run's own token is already cancelled.
    private async Task<bool> TryRollBackAtGateAsync(string arn)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var d = await ecs.DescribeServiceDeploymentAsync(arn, cts.Token);
            if (d?.Hooks.FirstOrDefault(h => h.AwaitsAction) is not { } hook) return false;
            await ecs.ContinueServiceDeploymentAsync(arn, hook.HookId, "ROLLBACK", cts.Token);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or Aws.AwsException or HttpRequestException)
        {
            return false;
        }
    }

    private static string Describe(EcsServiceDeployment d)
    {
        var traffic = new List<string>();
        if (d.ProductionTrafficPercent is double p) traffic.Add($"production traffic {Percent(p)}");
        if (d.TestTrafficPercent is double t) traffic.Add($"test traffic {Percent(t)}");
        return $"  stage: {d.LifecycleStage ?? "-"} ({d.Status}){(traffic.Count == 0 ? "" : " — new revision gets " + string.Join(", ", traffic))}";
    }

    private async Task<IReadOnlyList<string>> RecentAsync(ReleaseFollowRequest r, CancellationToken ct)
    {
        var (service, _) = await ecs.DescribeServiceAsync(r.Cluster, r.Service, ct);
        return service is null ? [] : Recent(service);
    }

    private static List<string> Recent(EcsService service) => service.Events.OrderByDescending(e => e.CreatedAt).Take(5).Select(e => e.Message).ToList();

    private static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Minutes(TimeSpan span) => span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture);
}
