using Deployments.Infra.Naming;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>What the CI policies are derived from: the names (never hand-written), the stack, and a few references.</summary>
public sealed record CiPolicyInputs
{
    public required string AppName { get; init; }
    public required string Project { get; init; }
    public required EnvironmentNames Names { get; init; }
    public required CiNames Ci { get; init; }
    public required AwsArns Arns { get; init; }
    /// <summary>The environment's VPC ID (a reference or a literal).</summary>
    public required object VpcId { get; init; }
    /// <summary>The preview boundary policy's ARN (a reference).</summary>
    public required object BoundaryArn { get; init; }
    /// <summary>The DIY backend's bucket, or null.</summary>
    public string? StateBucket { get; init; }
    /// <summary>The secret ARNs the environment's preview defaults name (what previews may read).</summary>
    public required IReadOnlyCollection<string> PreviewSecretArns { get; init; }
    /// <summary>Whether the environment releases blue/green, canary or linear (an alternate target group and ECS's load-balancer role).</summary>
    public bool ShiftsTraffic { get; init; }

    /// <summary>The environment's further preview load balancers and the zone of their previews' own records; null with one shard.</summary>
    public ShardInputs? Shards { get; init; }

    /// <summary>What the preview role needs for shards: their load balancers' names, and where previews' records go.</summary>
    public sealed record ShardInputs(ShardNames Names, string HostedZoneId, string PreviewDomain);

    /// <summary>The stack creates the ALB's access-logs bucket (<c>accessLogs</c> without an existing bucket), which refreshes read.</summary>
    public bool CreatesAccessLogsBucket { get; init; }

    /// <summary>The previews have a schedule (<c>previewDefaults.schedule</c>): their stacks own a scalable target and its scheduled actions.</summary>
    public bool PreviewsScheduled { get; init; }

    /// <summary><c>app-pv-*</c>: every preview AWS name of this app.</summary>
    public string PreviewNamePattern => PreviewNames.AwsNamePrefix(AppName) + "*";
}
