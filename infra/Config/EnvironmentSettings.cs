namespace Deployments.Infra.Config;

/// <summary>A long-lived environment stack (<c>staging</c>, <c>production</c>): everything comes from config.</summary>
public sealed record EnvironmentSettings
{
    /// <summary>Whether previews may use this environment as their parent (<c>ci.previews</c>, default true).</summary>
    public bool HostsPreviews => Ci?.Previews ?? true;

    public required string Environment { get; init; }
    public required string Region { get; init; }
    public required AppSettings App { get; init; }
    public required NetworkSettings Network { get; init; }
    public string? CertificateArn { get; init; }
    public required int EcrKeepImages { get; init; }
    /// <summary>ACTIVE task-definition revisions the deployer keeps per family after a successful deploy (<c>keepRevisions</c>).</summary>
    public required int KeepRevisions { get; init; }
    public ImageBuildSettings? Build { get; init; }
    public required ScalingSettings Scaling { get; init; }
    /// <summary>How the service releases a new revision (<c>releaseStrategy</c>, default rolling).</summary>
    public ReleaseSettings Release { get; init; } = ReleaseSettings.Rolling;
    /// <summary>
    /// Set by the deployer for a brand-new environment's first update only: the service and its scaling bounds at 0
    /// tasks until the first migration succeeded; the next update restores the bounds, and Application Auto Scaling
    /// moves the service into them (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html).
    /// </summary>
    public bool ServiceHeld { get; init; }
    public DatabaseSettings? Database { get; init; }
    /// <summary>Deletion protection, final snapshots and Pulumi <c>protect</c> (production).</summary>
    public required bool Protect { get; init; }
    /// <summary>Production posture: immutable ECR tags, no <c>latest</c>, access logs on by default (<see cref="PostureSettingsReader"/>).</summary>
    public required bool Production { get; init; }
    /// <summary>ALB access logs, or null when off.</summary>
    public AccessLogSettings? AccessLogs { get; init; }
    public required EgressSettings TaskEgress { get; init; }
    public DnsSettings? Dns { get; init; }
    public required IReadOnlyList<string> TaskPolicyArns { get; init; }
    public required PreviewDefaults PreviewDefaults { get; init; }
    /// <summary>How many previews may run at once (<c>previewCapacity</c>); the number of preview load balancers follows (<see cref="Stacks.Shards.PreviewShardLayout"/>).</summary>
    public int PreviewCapacity { get; init; } = Stacks.Shards.PreviewShardLayout.DefaultCapacity;
    /// <summary>The CI identities (GitHub OIDC roles) this stack creates; null when <c>ci</c> is not configured.</summary>
    public CiSettings? Ci { get; init; }
    /// <summary>The team's smoke tests of each release (<c>smokeTest</c>); null when none.</summary>
    public SmokeTestSettings? SmokeTest { get; init; }
    /// <summary>The team's release notifications (<c>notify</c>); null when none.</summary>
    public NotifySettings? Notify { get; init; }
}
