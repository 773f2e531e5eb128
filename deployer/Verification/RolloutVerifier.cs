using System.Globalization;
using Deployments.Deployer.Aws.Ecs;

namespace Deployments.Deployer.Verification;

/// <summary>
/// Watches the ECS deployment of <em>our</em> task definition — not "services stable", which a circuit-breaker
/// rollback also reaches (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html). COMPLETED: done. FAILED, or our deployment gone while an older one is
/// primary: rolled back, a failure, with the service's latest events. Services without <c>rolloutState</c>: done when
/// ours is the only deployment and runs its desired count. Progress and new service events are printed as they come.
/// </summary>
public sealed class RolloutVerifier(EcsClient ecs, IClock clock, TextWriter output)
{
    public async Task<VerificationResult> VerifyAsync(string cluster, string service, string taskDefinition, TimeSpan timeout, CancellationToken ct)
    {
        var started = clock.Now;
        var schedule = new Migrations.PollSchedule();
        var seenEvents = new HashSet<string>(StringComparer.Ordinal);
        var firstPoll = true;
        var seenOurs = false;
        string? lastProgress = null;
        while (true)
        {
            var (current, failures) = await ecs.DescribeServiceAsync(cluster, service, ct);
            if (current is null) return VerificationResult.Failed($"service '{service}' not found in the cluster: {string.Join("; ", failures)}", []);
            var fresh = current.Events.Where(e => seenEvents.Add(e.Id)).OrderBy(e => e.CreatedAt).ToList();
            if (!firstPoll) foreach (var e in fresh) output.WriteLine($"  [ecs] {e.Message}");
            firstPoll = false;
            var ours = current.Deployments.FirstOrDefault(d => d.TaskDefinition == taskDefinition);
            var recent = current.Events.OrderByDescending(e => e.CreatedAt).Take(5).Select(e => e.Message).ToList();
            if (ours is not null)
            {
                seenOurs = true;
                var progress = $"  rollout: {ours.RunningCount}/{ours.DesiredCount} running{(ours.FailedTasks > 0 ? $", {ours.FailedTasks} failed" : "")}{(ours.RolloutState is null ? "" : $" ({ours.RolloutState})")}";
                if (progress != lastProgress) output.WriteLine(progress);
                lastProgress = progress;
                if (ours.RolloutState == "COMPLETED") return VerificationResult.Ok();
                if (ours.RolloutState == "FAILED")
                    return VerificationResult.Failed($"rolled back by the circuit breaker: {ours.RolloutStateReason ?? "the deployment failed"}", recent);
                if (ours.RolloutState is null && current.Deployments.Count == 1 && ours.RunningCount == ours.DesiredCount)
                    return VerificationResult.Ok();
            }
            else
            {
                // Our deployment is gone (or never appeared after the update): the service runs another task definition.
                return VerificationResult.Failed(seenOurs
                    ? "rolled back by the circuit breaker: the service went back to its previous task definition"
                    : $"the service does not run {taskDefinition}: it was rolled back or replaced", recent);
            }
            if (clock.Now - started > timeout)
                return VerificationResult.Failed($"the rollout did not complete within {timeout.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min", recent);
            await clock.Delay(schedule.After(fresh.Count > 0), ct);
        }
    }
}
