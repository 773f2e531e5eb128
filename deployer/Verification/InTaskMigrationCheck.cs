using Deployments.Deployer.Aws.Ecs;
using Deployments.Deployer.Aws.Logs;
using Deployments.Deployer.Migrations;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Verification;

/// <summary>
/// Why a rollout of a task that migrates its own database (a sidecar preview) failed, when the migration is why: the
/// service's stopped tasks of our task definition (ListTasks, DescribeTasks <c>containers[].exitCode</c>,
/// <c>stoppedReason</c>) whose <c>migrate</c> container exited non-zero — its app never started — and the last lines
/// of that container's log stream (<c>prefix/migrate/&lt;task id&gt;</c>). Null when no migration failed: the
/// rollout failed for another reason and is reported as such.
/// </summary>
public sealed class InTaskMigrationCheck(EcsClient ecs, LogsClient logs, TextWriter output)
{
    public async Task<MigrationResult?> FindFailureAsync(string cluster, string service, string taskDefinition, string logGroup,
        string streamPrefix, CancellationToken ct)
    {
        var stopped = await ecs.ListServiceTasksAsync(cluster, service, "STOPPED", ct);
        if (stopped.Count == 0) return null;
        var (tasks, _) = await ecs.DescribeTasksAsync(cluster, stopped, ct);
        foreach (var task in tasks.Where(t => t.TaskDefinitionArn is null || t.TaskDefinitionArn == taskDefinition))
        {
            var migrate = task.Containers.FirstOrDefault(c => c.Name == AppContainers.InTaskMigrationName);
            if (migrate?.ExitCode is not int exit || exit == 0) continue;
            var tailer = new LogTailer(logs, logGroup, $"{streamPrefix}/{AppContainers.InTaskMigrationName}/{task.Id}", output, "  [migrate] ");
            await tailer.PollAsync(ct);
            var why = $"the in-task migration (container '{AppContainers.InTaskMigrationName}' of task {task.Id}) exited with code {exit}"
                + (migrate.Reason is null ? "" : $" ({migrate.Reason})")
                + $"; the app never started{(task.StoppedReason is null ? "" : $" (task stopped: {task.StoppedReason})")}";
            return new MigrationResult(false, task.TaskArn, exit, why, tailer.Tail, TimeSpan.Zero);
        }
        return null;
    }
}
