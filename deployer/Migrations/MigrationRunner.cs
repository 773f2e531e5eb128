using System.Globalization;
using Deployments.Deployer.Aws.Ecs;
using Deployments.Deployer.Aws.Logs;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Migrations;

/// <summary>
/// Runs a stack's migration as a one-off ECS task from its migration task definition and waits for it: RunTask
/// (with a <c>startedBy</c> tag and an idempotency token, so a retried call cannot start a second task), then
/// DescribeTasks and the task's log stream (<c>prefix/container/taskId</c>) with backing-off polls, until STOPPED
/// or the timeout (then StopTask). Fails on <c>failures[]</c>, <c>TaskFailedToStart</c>, a missing or non-zero exit
/// code of the container. Ctrl-C stops the task too.
/// </summary>
public sealed class MigrationRunner(EcsClient ecs, LogsClient logs, IClock clock, TextWriter output)
{
    public const string StartedBy = "deployments-migrate";
    private const int MissingTolerance = 3;

    public async Task<MigrationResult> RunAsync(MigrationTarget target, IReadOnlyList<string>? command, TimeSpan timeout, CancellationToken ct)
    {
        var started = clock.Now;
        var token = $"deployments-{Guid.NewGuid():N}";
        output.WriteLine($"migration of '{target.Stack}': {string.Join(' ', command ?? target.DefaultCommand)} (task definition {target.TaskDefinition})");
        var (tasks, failures) = await ecs.RunTaskAsync(new RunTaskRequest(target.Cluster, target.TaskDefinition, target.ContainerName,
            target.Subnets, [target.SecurityGroup], command, StartedBy, token), ct);
        if (failures.Count > 0 || tasks.Count == 0)
            return Failed(null, null, $"RunTask did not start the task: {(failures.Count > 0 ? string.Join("; ", failures) : "no task returned")}", [], started);

        var task = tasks[0];
        var tailer = new LogTailer(logs, target.LogGroup, $"{target.LogStreamPrefix}/{target.ContainerName}/{task.Id}", output, "  [migrate] ");
        output.WriteLine($"  task {task.Id}: {task.LastStatus}");
        var schedule = new PollSchedule();
        var missing = 0;
        var status = task.LastStatus;
        try
        {
            while (true)
            {
                var lines = await tailer.PollAsync(ct);
                var (described, describeFailures) = await ecs.DescribeTasksAsync(target.Cluster, task.TaskArn, ct);
                if (described.Count == 0)
                {
                    if (++missing > MissingTolerance)
                        return Failed(task.TaskArn, null, $"the task disappeared: {string.Join("; ", describeFailures)}", tailer.Tail, started);
                }
                else
                {
                    task = described[0];
                    if (task.LastStatus != status) output.WriteLine($"  task {task.Id}: {status} → {task.LastStatus}");
                    var changed = task.LastStatus != status;
                    status = task.LastStatus;
                    if (status == "STOPPED")
                    {
                        await DrainAsync(tailer, ct);
                        return Evaluate(task, target, tailer.Tail, started);
                    }
                    if (clock.Now - started > timeout)
                    {
                        await ecs.StopTaskAsync(target.Cluster, task.TaskArn, $"deployments: migration timed out after {Minutes(timeout)}", CancellationToken.None);
                        await DrainAsync(tailer, CancellationToken.None);
                        return Failed(task.TaskArn, null, $"timed out after {Minutes(timeout)}; the task was stopped", tailer.Tail, started);
                    }
                    await clock.Delay(schedule.After(lines > 0 || changed), ct);
                    continue;
                }
                await clock.Delay(schedule.After(false), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await ecs.StopTaskAsync(target.Cluster, task.TaskArn, "deployments: migration interrupted", CancellationToken.None);
            throw new CancelledException($"interrupted: the migration task {task.Id} was stopped");
        }
    }

    // awslogs may deliver the last lines just after the task stops: a few more polls, bounded.
    private async Task DrainAsync(LogTailer tailer, CancellationToken ct)
    {
        for (var i = 0; i < 3; i++)
        {
            if (await tailer.PollAsync(ct) == 0 && i > 0) return;
            await clock.Delay(PollSchedule.Fastest, ct);
        }
    }

    private MigrationResult Evaluate(EcsTask task, MigrationTarget target, IReadOnlyList<string> tail, DateTimeOffset started)
    {
        var container = task.Containers.FirstOrDefault(c => c.Name == target.ContainerName);
        if (task.StopCode == "TaskFailedToStart")
            return Failed(task.TaskArn, null, $"the task failed to start: {task.StoppedReason ?? "no reason given"}", tail, started);
        if (container?.ExitCode is not int exit)
            return Failed(task.TaskArn, null, $"container '{target.ContainerName}' has no exit code ({container?.Reason ?? task.StoppedReason ?? "no reason given"})", tail, started);
        if (exit != 0)
            return Failed(task.TaskArn, exit, $"container '{target.ContainerName}' exited with code {exit}{(container.Reason is null ? "" : $" ({container.Reason})")}", tail, started);
        output.WriteLine($"migration succeeded in {(clock.Now - started).TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s");
        return new MigrationResult(true, task.TaskArn, 0, null, tail, clock.Now - started);
    }

    private MigrationResult Failed(string? taskArn, int? exit, string reason, IReadOnlyList<string> tail, DateTimeOffset started) =>
        new(false, taskArn, exit, reason, tail, clock.Now - started);

    private static string Minutes(TimeSpan span) => $"{span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min";
}
