using Deployments.Deployer.Pulumi;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Previews;

/// <summary>
/// The previews in the backend: <c>stack ls</c> once, then each preview's newest history entry, whose config holds its
/// branch, image, host and owner. Never-updated stacks are listed with what is known. Placement and a fork's close ask
/// narrower questions, answered by the previews' stack tags (<see cref="PreviewTags"/>) with one call each.
/// <para>Why one history call per preview, run <see cref="DefaultParallel"/> at a time: <c>stack ls --json</c> gives
/// only name, current, lastUpdate, updateInProgress, resourceCount and url (<c>stackSummaryJSON</c> in
/// https://github.com/pulumi/pulumi/blob/master/pkg/cmd/pulumi/stack/stack_list.go), no config and no tags, and
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

    /// <summary>
    /// The fork previews recorded as <paramref name="pullRequest"/>'s: how a deleted fork's close finds what its pull
    /// request created. The previews tagged with it (<see cref="PreviewTags.PullRequest"/>, one <c>stack ls --tag</c>)
    /// and the untagged ones (listed minus those tagged with a parent: deployed before tags) are the candidates; each
    /// candidate's recorded config decides, as before tags: a tag only says where to look.
    /// </summary>
    public async Task<IReadOnlyList<(string Stack, string HeadRepository)>> ForkPreviewsOfAsync(int pullRequest, CancellationToken ct)
    {
        var previews = await StacksAsync(ct);
        var tagged = await TaggedAsync(PreviewTags.Parent, null, ct);
        var hinted = await TaggedAsync(PreviewTags.PullRequest, PreviewTags.PullRequestValue(pullRequest), ct);
        var candidates = previews.Where(p => hinted.Contains(StackNames.Short(p.Name)) || !tagged.Contains(StackNames.Short(p.Name))).ToList();
        var records = await BoundedParallel.MapAsync(candidates, parallel, async (summary, _, token) =>
        {
            var stack = StackNames.Short(summary.Name);
            return (Stack: stack, Record: await PreviewOwnership.ReadRecordAsync(pulumi, stack, token));
        }, ct);
        return records.Where(r => PreviewOwnership.RecordedOwner(r.Record, pulumi.Project) == pullRequest)
            .Select(r => (r.Stack, Fork: PreviewOwnership.RecordedHeadRepository(r.Record, pulumi.Project)))
            .Where(r => r.Fork is not null).Select(r => (r.Stack, r.Fork!)).ToList();
    }

    /// <summary>
    /// How many previews of <paramref name="parentStack"/> there are, for placing <paramref name="placed"/> among
    /// <paramref name="others"/> (every other preview listed): the tagged ones are counted by the backend
    /// (<see cref="Shards.ShardCensus"/>: two <c>stack ls --tag</c> here, one more per shard asked about), the untagged
    /// ones (deployed before tags) from each one's newest history entry, as before: its <c>parentStack</c> and
    /// <c>loadBalancerShard</c>, none recorded being shard 0 of any parent, where every preview was before shards.
    /// </summary>
    public async Task<Shards.ShardCensus> CensusAsync(IReadOnlyList<StackSummary> others, string placed, string parentStack, int shards, CancellationToken ct)
    {
        var parent = StackNames.Short(parentStack);
        var tagged = await TaggedAsync(PreviewTags.Parent, null, ct);
        var ofParentListed = await pulumi.ListStacksTaggedAsync(PreviewTags.Parent, parent, ct);
        // A preview tagged between the two calls is in the second list: counted there, never also as untagged.
        tagged.UnionWith(ofParentListed.Select(s => StackNames.Short(s.Name)));
        var ofParent = Shards.ShardCensus.Counted(ofParentListed, new HashSet<string>(StringComparer.Ordinal) { placed });
        var untagged = others.Where(p => Shards.ShardCensus.Holds(p) && !tagged.Contains(StackNames.Short(p.Name))).ToList();
        var records = await BoundedParallel.MapAsync(untagged, parallel, (summary, _, token) =>
            PreviewOwnership.ReadRecordAsync(pulumi, StackNames.Short(summary.Name), token), ct);
        var perShard = new int[shards];
        var total = ofParent;
        foreach (var record in records)
        {
            var recordedParent = record.GetValueOrDefault(pulumi.Project.Key("parentStack"));
            if (recordedParent is not null && StackNames.Short(recordedParent) != parent) continue;
            total++;
            if (recordedParent is null) continue;
            var shard = Shards.ShardRecord.Read(record, pulumi.Project);
            if (shard < shards) perShard[shard]++;
        }
        return new Shards.ShardCensus(pulumi, parent,
            untagged.Select(p => StackNames.Short(p.Name)).Append(placed).ToHashSet(StringComparer.Ordinal), total, perShard);
    }

    /// <summary>The short names of the stacks tagged <paramref name="name"/> (= <paramref name="value"/>): one invocation.</summary>
    private async Task<HashSet<string>> TaggedAsync(string name, string? value, CancellationToken ct) =>
        (await pulumi.ListStacksTaggedAsync(name, value, ct)).Select(s => StackNames.Short(s.Name)).ToHashSet(StringComparer.Ordinal);

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
