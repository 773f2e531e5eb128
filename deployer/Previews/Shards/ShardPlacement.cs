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

    /// <summary>
    /// The shard for <paramref name="stack"/>, given how many previews the parent has in all (<paramref name="total"/>)
    /// and how many each shard holds (<paramref name="taken"/>, asked for one shard at a time, the first choice first, and
    /// no further than the first with room: each answer may cost a CLI call).
    /// </summary>
    /// <exception cref="PreviewCapacityFullException">The parent holds its capacity, or no shard has room.</exception>
    public static async Task<ShardChoice> PlaceAsync(string stack, string parent, ShardMap map, int total, Func<int, Task<int>> taken)
    {
        if (total >= map.Capacity) throw Full(parent, map, total);
        var first = FirstChoice(stack, map.Count);
        for (var step = 0; step < map.Count; step++)
        {
            var shard = (first + step) % map.Count;
            var count = await taken(shard);
            if (count < map.Rooms[shard]) return new ShardChoice(shard, count);
        }
        throw Full(parent, map, total);
    }

    private static PreviewCapacityFullException Full(string parent, ShardMap map, int previews) => new(
        $"environment '{parent}' already runs {previews} preview(s) and its previewCapacity is {map.Capacity} ({map.Count} load balancer(s), "
        + $"{map.Rooms.Sum()} preview(s) of room in all): nothing was created. Raise '{PreviewShardLayout.CapacityKey}' in Pulumi.{Deployer.Pulumi.StackNames.Short(parent)}.yaml "
        + $"(1-{PreviewShardLayout.MaxCapacity}) and update the environment, or destroy previews that are no longer needed (preview prune)");
}
