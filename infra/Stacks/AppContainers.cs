using Deployments.Infra.Config;

namespace Deployments.Infra.Stacks;

/// <summary>
/// The app and migration containers. Both are named <c>app</c> so the deployer can override the migration
/// command by container name (ECS RunTask <c>containerOverrides</c>); they differ in command and log stream prefix.
/// Inside a preview's sidecar task the migration runs as a container of its own, <see cref="InTaskMigrationName"/>
/// (names are unique within a task definition), before the app starts.
/// </summary>
public static class AppContainers
{
    public const string ContainerName = "app";
    public const string AppStreamPrefix = "app";
    public const string MigrationStreamPrefix = "migrate";
    public const string InTaskMigrationName = "migrate";

    public static ContainerSpec App(AppSettings app, object image, object logGroup, string region,
        IReadOnlyDictionary<string, object> extraEnvironment, IReadOnlyDictionary<string, object> extraSecrets) => new()
        {
            Name = ContainerName,
            Image = image,
            Port = app.ContainerPort,
            Environment = Merge(app.Environment, extraEnvironment, app.ContainerPort),
            Secrets = Merge(app.Secrets, extraSecrets, null),
            LogGroup = logGroup,
            Region = region,
            StreamPrefix = AppStreamPrefix,
        };

    public static ContainerSpec Migration(AppSettings app, object image, object logGroup, string region,
        IReadOnlyDictionary<string, object> extraEnvironment, IReadOnlyDictionary<string, object> extraSecrets) => new()
        {
            Name = ContainerName,
            Image = image,
            Command = app.MigrationCommand,
            Environment = Merge(app.Environment, extraEnvironment, null),
            Secrets = Merge(app.Secrets, extraSecrets, null),
            LogGroup = logGroup,
            Region = region,
            StreamPrefix = MigrationStreamPrefix,
        };

    private static Dictionary<string, object> Merge(IReadOnlyDictionary<string, string> configured,
        IReadOnlyDictionary<string, object> generated, int? port)
    {
        var merged = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var key in configured.Keys) merged[key] = configured[key];
        foreach (var key in generated.Keys) merged[key] = generated[key];
        // The port the app must listen on, unless the user set PORT themselves.
        if (port is int p && !merged.ContainsKey("PORT")) merged["PORT"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return merged;
    }
}
