namespace Deployments.Deployer.Environments;

/// <summary>
/// Which ACTIVE task-definition revisions of one family may be deregistered: all but the newest <c>keep</c>, never one a
/// service deployment still runs. The rollback target is decided by the caller, which must read images for it.
/// </summary>
public static class RevisionRetention
{
    /// <summary><paramref name="newestFirst"/>: the family's ACTIVE ARNs as ListTaskDefinitions <c>sort: DESC</c> gives them;
    /// <paramref name="inUse"/>: the task definitions a deployment of the service runs.</summary>
    public static IReadOnlyList<string> Candidates(IReadOnlyList<string> newestFirst, int keep, IReadOnlySet<string> inUse) =>
        newestFirst.Skip(keep).Where(arn => !inUse.Contains(arn)).ToList();
}
