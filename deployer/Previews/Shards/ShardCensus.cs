using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Previews.Shards;

/// <summary>
/// How many of a parent's previews there are, in all (<see cref="Total"/>) and on each shard (<see cref="OnShardAsync"/>),
/// not counting the preview being placed. Tagged previews (<see cref="PreviewTags"/>) are counted by the backend, one
/// <c>stack ls --tag</c> per question; previews deployed before tags were set (untagged) were read from their history
/// once, when the census was taken (<see cref="PreviewCatalog.CensusAsync"/>), and are added to every answer.
/// <c>uncounted</c> holds the preview being placed and the untagged ones (already in <c>untaggedPerShard</c>: one
/// tagged since is not counted twice).
/// </summary>
public sealed class ShardCensus(PulumiWorkspace pulumi, string parentStack, IReadOnlySet<string> uncounted, int total, IReadOnlyList<int> untaggedPerShard)
{
    /// <summary>The parent's previews, tagged and untagged: what its <c>previewCapacity</c> bounds.</summary>
    public int Total => total;

    /// <summary>The previews on <paramref name="shard"/>: one <c>stack ls --tag deployments:lb=&lt;parent&gt;.&lt;shard&gt;</c>, plus the untagged ones there.</summary>
    public async Task<int> OnShardAsync(int shard, CancellationToken ct) =>
        Counted(await pulumi.ListStacksTaggedAsync(PreviewTags.LoadBalancer, PreviewTags.LoadBalancerValue(parentStack, shard), ct), uncounted)
        + (shard < untaggedPerShard.Count ? untaggedPerShard[shard] : 0);

    /// <summary>
    /// The listed previews that hold a place: every preview stack not in <paramref name="uncounted"/>, except one listed
    /// with no resources (destroyed, its stack kept); one never updated counts, since its deploy may be running now.
    /// </summary>
    public static int Counted(IReadOnlyList<StackSummary> listed, IReadOnlySet<string> uncounted) =>
        listed.Count(s => Holds(s) && !uncounted.Contains(StackNames.Short(s.Name)) && Infra.Naming.PreviewNames.IsPreviewStack(StackNames.Short(s.Name)));

    /// <summary>Whether a listed preview holds a place on its load balancer (not destroyed).</summary>
    public static bool Holds(StackSummary summary) => summary.ResourceCount is not 0;
}
