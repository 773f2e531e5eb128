namespace Deployments.Infra.Config;

/// <summary>A per-branch preview stack: the parent's preview defaults plus the values the deployer sets.</summary>
public sealed record PreviewSettings
{
    public required string Region { get; init; }
    public required AppSettings App { get; init; }
    /// <summary>Fully qualified parent stack, e.g. <c>organization/deployments/staging</c> on a DIY backend.</summary>
    public required string ParentStack { get; init; }
    public required string Branch { get; init; }
    /// <summary>The fork the branch is in (<c>owner/name</c>), or null for this repository's branches; names derive from both.</summary>
    public string? HeadRepository { get; init; }
    /// <summary>The pull request that created the preview, when a pull request event did.</summary>
    public int? OwnerPullRequest { get; init; }
    /// <summary>Listener rule priority, unique per listener; chosen by the deployer (1–49998; 49999 is the environment's test rule, 50000 its own rule).</summary>
    public required int RulePriority { get; init; }
    public required string DatabaseStrategy { get; init; }
    /// <summary>Host name; when absent, <c>&lt;slug&gt;.&lt;parent previewDomain&gt;</c>.</summary>
    public string? Host { get; init; }
    public required int DesiredCount { get; init; }
    /// <summary>The parent's preview load balancer this preview's rule and target group are on (0: the environment's own), chosen by the deployer.</summary>
    public int LoadBalancerShard { get; init; }
    /// <summary>Outbound rules of the preview's tasks (the parent's <c>previewDefaults</c> hand them down).</summary>
    public required EgressSettings TaskEgress { get; init; }
    /// <summary>When the preview runs (the parent's <c>previewDefaults.schedule</c>), or null: around the clock.</summary>
    public PreviewSchedule? Schedule { get; init; }
}
