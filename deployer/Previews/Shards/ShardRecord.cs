using System.Globalization;
using Deployments.Infra.Config;
using Deployments.Infra.Stacks.Shards;

namespace Deployments.Deployer.Previews.Shards;

/// <summary>The shard a preview's recorded config (its newest history entry) names: none is shard 0, the environment's own load balancer.</summary>
public static class ShardRecord
{
    public static int Read(IReadOnlyDictionary<string, string?> record, PulumiProject project) =>
        record.GetValueOrDefault(project.Key(PreviewShardKeys.ShardConfigKey)) is { } text
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var shard) ? shard : 0;
}
