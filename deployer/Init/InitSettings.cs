namespace Deployments.Deployer.Init;

/// <summary>What <c>deployments init</c> writes from: every flag validated, every default applied.</summary>
public sealed record InitSettings
{
    public required string Directory { get; init; }
    /// <summary>The app name, also the Pulumi project's name (its config namespace).</summary>
    public required string App { get; init; }
    public required string Region { get; init; }
    public required int Port { get; init; }
    public required string HealthPath { get; init; }
    public required IReadOnlyList<string> MigrationCommand { get; init; }
    public required string StagingDomain { get; init; }
    public required string ProductionDomain { get; init; }
    public required string PreviewDomain { get; init; }
    public required string HostedZoneId { get; init; }
    /// <summary><c>OWNER/REPO</c> the CI roles trust; null: the stacks create no CI roles.</summary>
    public string? GitHubRepository { get; init; }
    public string? StateBucket { get; init; }
    public required CompilerMode Compiler { get; init; }
    public required string ActionRepository { get; init; }
    public required bool Force { get; init; }
    /// <summary>The flags whose example default was used: the values to replace before the first <c>pulumi up</c>.</summary>
    public required IReadOnlyList<string> Placeholders { get; init; }
}
