using System.Text.Json;
using Deployments.Deployer.Pulumi;
using Deployments.Infra.Stacks;
using Deployments.Infra.Stacks.Shards;

namespace Deployments.Deployer.Previews.Shards;

/// <summary>
/// The parent's preview load balancers as its outputs give them: its <c>previewCapacity</c> and how many previews each
/// shard holds (<see cref="OutputNames.PreviewShards"/>). A parent without that output has the default layout: its own
/// load balancer alone (<see cref="PreviewShardLayout.DefaultCapacity"/>), the layout of every environment before shards.
/// </summary>
public sealed record ShardMap(int Capacity, IReadOnlyList<int> Rooms)
{
    public static readonly ShardMap Default = From(PreviewShardLayout.For(PreviewShardLayout.DefaultCapacity));

    public int Count => Rooms.Count;

    public static ShardMap From(PreviewShardLayout layout) => new(layout.Capacity, layout.Rooms);

    public static ShardMap Read(string stack, StackOutputs outputs, IReadOnlyDictionary<string, JsonElement> values)
    {
        if (!values.ContainsKey(OutputNames.PreviewShards)) return Default;
        var shards = outputs.Object(OutputNames.PreviewShards);
        var rooms = new List<int>();
        if (shards.TryGetProperty(PreviewShardKeys.Capacity, out var capacity) && capacity.ValueKind == JsonValueKind.Number && capacity.TryGetInt32(out var total)
            && shards.TryGetProperty(PreviewShardKeys.Shards, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var shard in list.EnumerateArray())
                if (shard.ValueKind == JsonValueKind.Object && shard.TryGetProperty(PreviewShardKeys.Room, out var room)
                    && room.ValueKind == JsonValueKind.Number && room.TryGetInt32(out var n) && n >= 0) rooms.Add(n);
                else break;
            if (rooms.Count == list.GetArrayLength() && rooms.Count > 0 && total > 0) return new ShardMap(total, rooms);
        }
        throw new Errors.UserInputException($"--parent: stack '{stack}' output '{OutputNames.PreviewShards}' is not {{capacity, shards: [{{room, …}}]}}; is it a stack of this project, deployed with this version?");
    }
}
