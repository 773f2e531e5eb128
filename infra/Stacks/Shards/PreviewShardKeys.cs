namespace Deployments.Infra.Stacks.Shards;

/// <summary>
/// The members of the <see cref="OutputNames.PreviewShards"/> output, read by preview stacks (their shard's listener,
/// security group and DNS target) and by the deployer (capacity and rooms): defined once for both.
/// </summary>
public static class PreviewShardKeys
{
    public const string Capacity = "capacity";
    public const string HostedZoneId = "hostedZoneId";
    public const string Shards = "shards";
    public const string LoadBalancerArn = "loadBalancerArn";
    public const string ListenerArn = "listenerArn";
    public const string SecurityGroupId = "securityGroupId";
    public const string DnsName = "dnsName";
    public const string ZoneId = "zoneId";
    /// <summary>How many previews the shard holds (<see cref="PreviewShardLayout.Rooms"/>).</summary>
    public const string Room = "room";

    /// <summary>The config key of a preview stack that names its shard (0 = the environment's own load balancer).</summary>
    public const string ShardConfigKey = "loadBalancerShard";
}
