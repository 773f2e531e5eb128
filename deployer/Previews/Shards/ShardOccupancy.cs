namespace Deployments.Deployer.Previews.Shards;

/// <summary>How many of the parent's other previews each shard holds, and how many previews the parent has in all
/// (a preview never updated has no shard yet, but counts toward the capacity).</summary>
public sealed record ShardOccupancy(IReadOnlyList<int> PerShard, int Total)
{
    /// <summary>No preview counted: what a deploy may assume when there are fewer previews than any one shard holds.</summary>
    public static ShardOccupancy Empty(int shards) => new(new int[shards], 0);
}
