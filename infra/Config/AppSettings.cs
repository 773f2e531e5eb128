namespace Deployments.Infra.Config;

/// <summary>The application container and its service: the part environments and previews share.</summary>
public sealed record AppSettings
{
    public required string AppName { get; init; }
    /// <summary>Image tag the service runs (the "live" image).</summary>
    public required string ImageTag { get; init; }
    /// <summary>Image tag of the migration task definition (the "next" image, registered before the service moves; ARCHITECTURE.md "Deploy sequence").</summary>
    public required string MigrationImageTag { get; init; }
    public required IReadOnlyList<string> MigrationCommand { get; init; }
    public required int ContainerPort { get; init; }
    public required int Cpu { get; init; }
    public required int Memory { get; init; }
    public required string HealthCheckPath { get; init; }
    public required int HealthCheckGraceSeconds { get; init; }
    public required IReadOnlyDictionary<string, string> Environment { get; init; }
    /// <summary>Container secrets: variable name → SSM parameter or Secrets Manager ARN (never a value).</summary>
    public required IReadOnlyDictionary<string, string> Secrets { get; init; }
    public required int LogRetentionDays { get; init; }
    public required bool Spot { get; init; }
    public required int MinHealthyPercent { get; init; }
    public required int MaxPercent { get; init; }
}
