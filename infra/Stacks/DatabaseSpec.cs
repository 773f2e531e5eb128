namespace Deployments.Infra.Stacks;

/// <summary>An RDS PostgreSQL instance before rendering; previews and environments differ only in these values.</summary>
public sealed record DatabaseSpec
{
    public required string Identifier { get; init; }
    public required string SecurityGroupName { get; init; }
    public required string SubnetGroupName { get; init; }
    public required object VpcId { get; init; }
    public required object SubnetIds { get; init; }
    /// <summary>Security groups whose tasks may connect (the app's and, through it, the migration task's).</summary>
    public required object ClientSecurityGroupId { get; init; }
    public required string InstanceClass { get; init; }
    public required int AllocatedStorage { get; init; }
    public required string EngineVersion { get; init; }
    public required string DatabaseName { get; init; }
    public required string Username { get; init; }
    public required bool MultiAz { get; init; }
    public required int BackupRetentionDays { get; init; }
    public required bool Protect { get; init; }
}
