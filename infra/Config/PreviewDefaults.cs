namespace Deployments.Infra.Config;

/// <summary>
/// What an environment hands to the previews it hosts (stack output <c>previewDefaults</c>): the deployer copies
/// these into every preview stack's config, so a preview can be redeployed from scratch on any runner.
/// </summary>
public sealed record PreviewDefaults(
    int Cpu,
    int Memory,
    bool Spot,
    int LogRetentionDays,
    int ContainerPort,
    string HealthCheckPath,
    int HealthCheckGraceSeconds,
    IReadOnlyList<string> MigrationCommand,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, string> Secrets,
    string DatabaseStrategy)
{
    /// <summary>The previews' task egress; by default the environment's own.</summary>
    public EgressSettings TaskEgress { get; init; } = EgressSettings.Restricted;

    /// <summary>
    /// The previews' smoke tests; by default the environment's own. Unlike the other members it is not copied into
    /// the preview's config: the deployer reads it from the parent's output on every deploy, so the command always
    /// comes from the environment (its stack file on the default branch), never from a preview stack a pull request's run writes.
    /// </summary>
    public SmokeTestSettings? SmokeTest { get; init; }
    /// <summary>When the previews run (scaled to zero tasks outside it), or null: around the clock.</summary>
    public PreviewSchedule? Schedule { get; init; }
}
