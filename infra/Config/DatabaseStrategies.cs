namespace Deployments.Infra.Config;

/// <summary>
/// How a preview gets a database. <c>none</c>: no database. <c>sidecar</c>: a throw-away PostgreSQL container in
/// the app task (cheap, data lost on every restart; the app migrates at start, so the migration step is skipped).
/// <c>instance</c>: the preview's own small RDS instance (persistent until the preview is destroyed).
/// </summary>
public static class DatabaseStrategies
{
    public const string None = "none";
    public const string Sidecar = "sidecar";
    public const string Instance = "instance";

    public static readonly string[] All = [None, Sidecar, Instance];
}
