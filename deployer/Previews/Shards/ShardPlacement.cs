using System.Security.Cryptography;
using System.Text;
using Deployments.Infra.Stacks.Shards;

namespace Deployments.Deployer.Previews.Shards;

/// <summary>
/// Which shard a new preview goes to, decided before anything is created. Deterministic: the first choice is
/// SHA-256 of the stack name mod the number of shards, so the same branch lands on the same shard again when it has
/// room; else the next shards in order, the first with room. When the parent holds its <c>previewCapacity</c>, or
/// every shard is full, it is refused (exit 8) naming the capacity and the key to raise. Once placed, a preview stays
/// on its shard: the deployer records it in the preview's config (<see cref="PreviewShardKeys.ShardConfigKey"/>) and
/// reads it back on every redeploy.
/// </summary>
public static class ShardPlacement
{
    public static int FirstChoice(string stack, int shards)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(stack));
        return (int)(BitConverter.ToUInt32(hash, 0) % (uint)shards);
    }

    /// <exception cref="PreviewCapacityFullException">The parent holds its capacity, or no shard has room.</exception>
    public static int Place(string stack, string parent, ShardMap map, ShardOccupancy occupancy)
    {
        if (occupancy.Total >= map.Capacity) throw Full(parent, map, occupancy.Total);
        var first = FirstChoice(stack, map.Count);
        for (var step = 0; step < map.Count; step++)
        {
            var shard = (first + step) % map.Count;
            if (occupancy.PerShard[shard] < map.Rooms[shard]) return shard;
        }
        throw Full(parent, map, occupancy.Total);
    }

    private static PreviewCapacityFullException Full(string parent, ShardMap map, int previews) => new(
        $"environment '{parent}' already runs {previews} preview(s) and its previewCapacity is {map.Capacity} ({map.Count} load balancer(s), "
        + $"{map.Rooms.Sum()} preview(s) of room in all): nothing was created. Raise '{PreviewShardLayout.CapacityKey}' in Pulumi.{Deployer.Pulumi.StackNames.Short(parent)}.yaml "
        + $"(1-{PreviewShardLayout.MaxCapacity}) and update the environment, or destroy previews that are no longer needed (preview prune)");
}
