using Deployments.Deployer.Pulumi;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Previews;

/// <summary>
/// The previews in the backend: <c>stack ls</c> once, then each preview's newest history entry, whose config holds its
/// branch, image, host and owner. Never-updated stacks are listed with what is known.
/// <para>Why one history call per preview, run <see cref="DefaultParallel"/> at a time: <c>stack ls --json</c> gives
/// only name, current, lastUpdate, updateInProgress, resourceCount and url (<c>stackSummaryJSON</c> in
/// https://github.com/pulumi/pulumi/blob/master/pkg/cmd/pulumi/stack/stack_ls.go), no config and no tags, and
/// <c>stack history</c> takes one stack (https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack_history/); no
/// command of the CLI returns many stacks' config at once, so O(1) calls would mean reading the backend's files behind
/// the CLI's back (and not working on Pulumi Cloud). Bounded parallel calls work on every backend.</para>
/// </summary>
public sealed class PreviewCatalog(PulumiWorkspace pulumi, int parallel = PreviewCatalog.DefaultParallel)
{
    /// <summary>History reads at once: each is one short <c>pulumi</c> process; 8 keeps a 2-core runner busy without
    /// flooding a backend (an S3 bucket or Pulumi Cloud's API) with hundreds of requests at once.</summary>
    public const int DefaultParallel = 8;

    public async Task<IReadOnlyList<StackSummary>> StacksAsync(CancellationToken ct) =>
        (await pulumi.ListStacksAsync(ct)).Where(s => PreviewNames.IsPreviewStack(StackNames.Short(s.Name)))
            .OrderBy(s => StackNames.Short(s.Name), StringComparer.Ordinal).ToList();

    /// <summary>The fork previews recorded as <paramref name="pullRequest"/>'s: how a deleted fork's close finds what
    /// its pull request created.</summary>
    public async Task<IReadOnlyList<(string Stack, string HeadRepository)>> ForkPreviewsOfAsync(int pullRequest, CancellationToken ct)
    {
        var records = await BoundedParallel.MapAsync(await StacksAsync(ct), parallel, async (summary, _, token) =>
        {
            var stack = StackNames.Short(summary.Name);
            return (Stack: stack, Record: await PreviewOwnership.ReadRecordAsync(pulumi, stack, token));
        }, ct);
        return records.Where(r => PreviewOwnership.RecordedOwner(r.Record, pulumi.Project) == pullRequest)
            .Select(r => (r.Stack, Fork: PreviewOwnership.RecordedHeadRepository(r.Record, pulumi.Project)))
            .Where(r => r.Fork is not null).Select(r => (r.Stack, r.Fork!)).ToList();
    }

    /// <summary>
    /// How many previews of <paramref name="parentStack"/> each of its <paramref name="shards"/> load balancers holds, from
    /// each preview's newest history entry (its <c>parentStack</c> and <c>loadBalancerShard</c>; none recorded: shard 0,
    /// where every preview was before shards). A stack listed with no resources holds nothing; one never updated has no
    /// shard yet but counts toward the capacity, since its deploy may be running now.
    /// </summary>
    public async Task<Shards.ShardOccupancy> OccupancyAsync(IReadOnlyList<StackSummary> previews, string parentStack, int shards, CancellationToken ct)
    {
        var parent = StackNames.Short(parentStack);
        var counted = previews.Where(p => p.ResourceCount is not 0).ToList();
        var records = await BoundedParallel.MapAsync(counted, parallel, (summary, _, token) =>
            PreviewOwnership.ReadRecordAsync(pulumi, StackNames.Short(summary.Name), token), ct);
        var perShard = new int[shards];
        var total = 0;
        foreach (var record in records)
        {
            var recordedParent = record.GetValueOrDefault(pulumi.Project.Key("parentStack"));
            if (recordedParent is not null && StackNames.Short(recordedParent) != parent) continue;
            total++;
            if (recordedParent is null) continue;
            var shard = Shards.ShardRecord.Read(record, pulumi.Project);
            if (shard < shards) perShard[shard]++;
        }
        return new Shards.ShardOccupancy(perShard, total);
    }

    public async Task<IReadOnlyList<PreviewInfo>> ListAsync(CancellationToken ct) =>
        await BoundedParallel.MapAsync(await StacksAsync(ct), parallel, async (summary, _, token) =>
        {
            var stack = StackNames.Short(summary.Name);
            var last = (await pulumi.HistoryAsync(stack, 1, token)).FirstOrDefault();
            string? Config(string key) => last?.Config.GetValueOrDefault(pulumi.Project.Key(key));
            return new PreviewInfo(stack, Config("branch"), Config("host") is string host ? $"https://{host}" : null,
                Config("imageTag"), last?.EndTime ?? summary.LastUpdate, last?.Result);
        }, ct);
}
