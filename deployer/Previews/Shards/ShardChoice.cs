namespace Deployments.Deployer.Previews.Shards;

/// <summary>The shard a new preview goes to, and how many of the parent's other previews it already holds.</summary>
public sealed record ShardChoice(int Shard, int Taken);
