using Deployments.Infra.Template;

namespace Deployments.Infra.Config;

/// <summary>
/// Reads <c>previewDefaults</c> (an object) of an environment. Unset members fall back to the environment's own
/// values, except those that make previews cheap by default: Fargate Spot, 3-day log retention, no database.
/// </summary>
public static class PreviewDefaultsReader
{
    public static PreviewDefaults Read(ConfigReader config, AppSettings app, EgressSettings egress, SmokeTestSettings? smokeTest = null)
    {
        var section = config.Object("previewDefaults");
        if (section is null)
            return new PreviewDefaults(app.Cpu, app.Memory, true, AppDefaults.Preview.LogRetentionDays, app.ContainerPort, app.HealthCheckPath,
                app.HealthCheckGraceSeconds, app.MigrationCommand, app.Environment, app.Secrets, DatabaseStrategies.None) { TaskEgress = egress, SmokeTest = smokeTest };

        var cpu = section.Int("cpu", app.Cpu, 256, 16384);
        var memory = section.Int("memory", app.Memory, 512, 122880);
        if (!FargateSizes.IsValid(cpu, memory)) section.Problem("memory", $"'{memory}' is not a Fargate size {FargateSizes.Describe(cpu)}");
        var command = section.StringList("migrationCommand", "the migration command and its arguments");
        var defaults = new PreviewDefaults(
            cpu,
            memory,
            section.Bool("spot", true),
            section.OneOf("logRetentionDays", AppDefaults.Preview.LogRetentionDays, AppSettingsReader.RetentionDays),
            section.Int("containerPort", app.ContainerPort, 1, 65535),
            section.String("healthCheckPath", app.HealthCheckPath, ConfigPatterns.HealthPath(), ConfigPatterns.HealthPathAllowed),
            section.Int("healthCheckGraceSeconds", app.HealthCheckGraceSeconds, 0, 2147483647),
            command.Count > 0 ? command : app.MigrationCommand,
            section.Has("env") ? section.StringMap("env", "a mapping of variable name to plain value") : app.Environment,
            section.Has("secrets") ? section.StringMap("secrets", "a mapping of variable name to secret ARN") : app.Secrets,
            section.Choice("databaseStrategy", DatabaseStrategies.None, DatabaseStrategies.All))
        {
            TaskEgress = PostureSettingsReader.ReadEgress(section, egress),
            // Absent: the environment's; `command: []` turns them off for previews.
            SmokeTest = SmokeTestSettingsReader.Read(section, smokeTest),
            Schedule = PreviewScheduleReader.Read(section),
        };
        foreach (var name in SortedKeys.Of(defaults.Secrets))
            if (!ConfigPatterns.SecretArn().IsMatch(defaults.Secrets[name]))
                section.Problem($"secrets.{name}", $"{ConfigReader.Shown(defaults.Secrets[name])} is not allowed: {ConfigPatterns.SecretArnAllowed}");
        section.RejectUnknownKeys();
        return defaults;
    }
}
