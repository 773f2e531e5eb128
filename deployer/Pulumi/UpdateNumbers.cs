namespace Deployments.Deployer.Pulumi;

/// <summary>
/// Update numbers on every backend. Pulumi Cloud numbers a stack's updates (<c>version</c> in <c>stack history --json</c>);
/// DIY backends (file, S3, …) never set it: their history files are <c>backend.UpdateInfo</c> records written without a
/// version, so every entry prints <c>"version": 0</c>
/// (https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/backend.go, the <c>UpdateInfo</c> built after an update, and
/// https://github.com/pulumi/pulumi/blob/master/pkg/cmd/pulumi/stack/stack_history.go, <c>updateInfoJSON.Version</c>).
/// There the deployer numbers the entries itself, 1 for the oldest, as Cloud counts them: the history is one file per
/// update, listed oldest to newest by their time-stamped names, so the number of an update never changes.
/// </summary>
public static class UpdateNumbers
{
    /// <summary>True when the backend gave no versions (DIY): every entry is 0.</summary>
    public static bool Missing(IReadOnlyList<UpdateRecord> newestFirst) => newestFirst.Count > 0 && newestFirst.All(u => u.Version == 0);

    /// <summary>Numbers a stack's <b>whole</b> history, newest first, so that the oldest entry is 1.</summary>
    public static IReadOnlyList<UpdateRecord> FromOldest(IReadOnlyList<UpdateRecord> wholeHistoryNewestFirst) =>
        wholeHistoryNewestFirst.Select((u, i) => u with { Version = wholeHistoryNewestFirst.Count - i }).ToList();
}
