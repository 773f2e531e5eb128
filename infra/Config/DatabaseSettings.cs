namespace Deployments.Infra.Config;

/// <summary>An RDS PostgreSQL instance whose master password AWS Secrets Manager manages.</summary>
public sealed record DatabaseSettings(
    string InstanceClass,
    int AllocatedStorage,
    string EngineVersion,
    string DatabaseName,
    string Username,
    bool MultiAz,
    int BackupRetentionDays);
