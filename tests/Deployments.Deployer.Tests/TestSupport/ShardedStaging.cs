using System.Text.Json.Nodes;

namespace Deployments.Deployer.Tests.TestSupport;

/// <summary>Staging with its preview load-balancer shards, for the tests that place previews on them.</summary>
public static class ShardedStaging
{
    /// <summary>Staging deployed with <paramref name="capacity"/> (none: the default, its own load balancer alone).</summary>
    public static void Deploy(FakeCloud cloud, int? capacity)
    {
        if (capacity is int c) File.AppendAllText(Path.Combine(cloud.Project, "Pulumi.staging.yaml"), $"  deployments:previewCapacity: {c}\n");
        cloud.DeployStaging();
    }

    /// <summary>The HTTPS listener of staging's shard <paramref name="shard"/>, from its outputs.</summary>
    public static string ListenerArn(FakeCloud cloud, int shard)
    {
        var outputs = cloud.StackState("staging")["outputs"]!;
        return outputs["previewShards"] is JsonNode shards
            ? shards["shards"]![shard]!["listenerArn"]!.GetValue<string>()
            : outputs["listenerArn"]!.GetValue<string>();
    }
}
