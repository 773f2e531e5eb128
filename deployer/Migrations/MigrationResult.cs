namespace Deployments.Deployer.Migrations;

/// <summary>How a migration ended: its task, exit code, why it failed if it did, and the last lines of its log.</summary>
public sealed record MigrationResult(bool Succeeded, string? TaskArn, int? ExitCode, string? Failure, IReadOnlyList<string> LogTail, TimeSpan Duration);
