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

    /// <summary>When the previews run (scaled to zero tasks outside it), or null: around the clock.</summary>
    public PreviewSchedule? Schedule { get; init; }
}
