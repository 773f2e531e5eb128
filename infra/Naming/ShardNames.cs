namespace Deployments.Infra.Naming;

/// <summary>
/// Names of an environment's preview load balancers beyond its own (shards 1, 2, …): <c>&lt;app&gt;-&lt;env&gt;--s&lt;n&gt;</c>,
/// or, when <c>app-env</c> is too long for that in the 32 characters of an ALB name, its first characters, a hash of it
/// and <c>--s&lt;n&gt;</c>. No environment's own name can take one: app and environment names never contain <c>--</c>
/// (<see cref="NameRules"/>), so <see cref="Prefix"/> followed by anything names only this environment's shards, which is
/// what the preview role's IAM patterns rely on.
/// </summary>
public sealed record ShardNames(string Prefix)
{
    /// <summary>Room for the shard number (at most 2 digits: <see cref="Stacks.Shards.PreviewShardLayout.MaxCapacity"/> needs 31 shards).</summary>
    private const int NumberDigits = 2;

    private const string Marker = "--s";

    public static ShardNames For(EnvironmentNames environment)
    {
        var name = environment.LoadBalancerName;
        var room = NameLimits.LoadBalancer - Marker.Length - NumberDigits;
        var prefix = name.Length <= room ? name : $"{NameFitter.Shorten(name, room - NameHash.Length - 1)}-{NameHash.Of(name)}";
        return new ShardNames(prefix + Marker);
    }

    /// <summary>The load balancer of shard <paramref name="shard"/> (1 or more; shard 0 is the environment's own).</summary>
    public string LoadBalancerName(int shard)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shard, 1);
        return Prefix + shard.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The security group of shard <paramref name="shard"/>'s load balancer.</summary>
    public string SecurityGroupName(int shard) => LoadBalancerName(shard) + "-alb";

    /// <summary>Every shard's load balancer name (IAM pattern; <c>*</c> matches any run of characters).</summary>
    public string Pattern => Prefix + "*";
}
