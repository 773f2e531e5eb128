namespace Deployments.Deployer.Init;

/// <summary>The raw values of <c>deployments init</c>'s flags, as typed; null when not given.</summary>
public sealed record InitFlags
{
    public string? Directory { get; init; }
    public string? App { get; init; }
    public string? Region { get; init; }
    public string? Port { get; init; }
    public string? HealthPath { get; init; }
    public string? MigrationCommand { get; init; }
    public string? StagingDomain { get; init; }
    public string? ProductionDomain { get; init; }
    public string? PreviewDomain { get; init; }
    public string? HostedZoneId { get; init; }
    public string? GitHubRepository { get; init; }
    public string? StateBucket { get; init; }
    public string? Compiler { get; init; }
    public string? ActionRepository { get; init; }
    public bool Force { get; init; }
}
