using Deployments.Deployer.Aws;
using Deployments.Deployer.Aws.Ecs;

namespace Deployments.Deployer.Environments;

/// <summary>
/// After a successful environment deploy, deregisters the task-definition revisions beyond the newest
/// <c>keepRevisions</c> of each family (app and migration). The environment's task definitions keep old revisions
/// (<c>skipDestroy</c>) so that ECS's circuit breaker has a revision to roll back to; this bounds them. Never
/// deregistered: a revision a service deployment runs, and the newest revision running the rollback target's image
/// (the previous successful update's). A failed call is a warning: the deploy itself succeeded.
/// </summary>
public sealed class RevisionPruner(EcsClient ecs, TextWriter log)
{
    /// <summary>Prunes each family; returns the ARNs deregistered. <paramref name="rollbackImage"/> is the image a rollback would
    /// return to (<c>repositoryUrl:tag</c>), or null when there is none.</summary>
    public async Task<IReadOnlyList<string>> PruneAsync(IReadOnlyList<string> families, int keep, IReadOnlySet<string> inUse, string? rollbackImage, CancellationToken ct)
    {
        var removed = new List<string>();
        foreach (var family in families)
        {
            IReadOnlyList<string> candidates;
            try { candidates = RevisionRetention.Candidates(await ecs.ListActiveTaskDefinitionsAsync(family, ct), keep, inUse); }
            catch (AwsException e)
            {
                log.WriteLine($"warning: old revisions of task definition family '{family}' were not cleaned up: {e.Message}");
                continue;
            }
            var rollbackKept = false;
            foreach (var arn in candidates)
            {
                try
                {
                    if (!rollbackKept && rollbackImage is not null
                        && (await ecs.DescribeTaskDefinitionAsync(arn, ct)).Containers.Any(c => c.Image == rollbackImage))
                    {
                        rollbackKept = true;
                        log.WriteLine($"keeping {arn}: it runs {rollbackImage}, the rollback target");
                        continue;
                    }
                    await ecs.DeregisterTaskDefinitionAsync(arn, ct);
                    removed.Add(arn);
                }
                catch (AwsException e)
                {
                    log.WriteLine($"warning: could not deregister {arn}: {e.Message}");
                }
            }
        }
        if (removed.Count > 0) log.WriteLine($"deregistered {removed.Count} task definition revision(s) beyond the newest {keep} per family");
        return removed;
    }
}
