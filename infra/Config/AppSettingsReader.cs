namespace Deployments.Infra.Config;

/// <summary>Reads the keys of <see cref="AppSettings"/> from the stack top level or from <c>previewDefaults</c>.</summary>
public static class AppSettingsReader
{
    /// <summary>CloudWatch Logs accepted retention values (Logs model, PutRetentionPolicy <c>Days</c>).</summary>
    public static readonly IReadOnlyList<int> RetentionDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static AppSettings Read(ConfigReader config, string appName, AppDefaults defaults, bool imageRequired)
    {
        var imageTag = imageRequired
            ? config.RequiredString("imageTag", ConfigPatterns.ImageTagAllowed, ConfigPatterns.ImageTag())
            : config.String("imageTag", "", ConfigPatterns.ImageTag(), ConfigPatterns.ImageTagAllowed);
        var cpu = config.Int("cpu", 256, 256, 16384);
        var memory = config.Int("memory", 512, 512, 122880);
        if (!FargateSizes.IsCpu(cpu)) config.Problem("cpu", $"'{cpu}' is not allowed: one of {string.Join(", ", FargateSizes.CpuUnits)} (Fargate CPU units)");
        else if (!FargateSizes.IsValid(cpu, memory)) config.Problem("memory", $"'{memory}' is not a Fargate size {FargateSizes.Describe(cpu)}");

        var environment = config.StringMap("env", "a mapping of variable name to plain value");
        foreach (var name in environment.Keys.Where(n => !ConfigPatterns.EnvName().IsMatch(n)))
            config.Problem("env", $"{ConfigReader.Shown(name)} is not allowed: {ConfigPatterns.EnvNameAllowed}");
        var secrets = config.StringMap("secrets", "a mapping of variable name to secret ARN");
        foreach (var (name, arn) in secrets)
        {
            if (!ConfigPatterns.EnvName().IsMatch(name)) config.Problem("secrets", $"{ConfigReader.Shown(name)} is not allowed: {ConfigPatterns.EnvNameAllowed}");
            if (!ConfigPatterns.SecretArn().IsMatch(arn)) config.Problem($"secrets.{name}", $"is not allowed: {ConfigPatterns.SecretArnAllowed}");
            if (environment.ContainsKey(name)) config.Problem($"secrets.{name}", "is also set in env; a variable is either plain or secret");
        }

        var migrationCommand = config.StringList("migrationCommand", "the migration command and its arguments, e.g. [\"alembic\", \"upgrade\", \"head\"]");
        if (migrationCommand.Count == 0 && !config.Has("migrationCommand"))
            config.Problem("migrationCommand", "is required: the command the migration task runs, e.g. [\"alembic\", \"upgrade\", \"head\"] or [\"pnpm\", \"db:migrate\"]");

        var minHealthy = config.Int("deploymentMinHealthyPercent", defaults.MinHealthyPercent, 0, 100);
        var maxPercent = config.Int("deploymentMaxPercent", 200, 100, 200);

        return new AppSettings
        {
            AppName = appName,
            ImageTag = imageTag,
            MigrationImageTag = config.String("migrationImageTag", imageTag, ConfigPatterns.ImageTag(), ConfigPatterns.ImageTagAllowed),
            MigrationCommand = migrationCommand,
            ContainerPort = config.Int("containerPort", 8080, 1, 65535),
            Cpu = cpu,
            Memory = memory,
            HealthCheckPath = config.String("healthCheckPath", "/health", ConfigPatterns.HealthPath(), ConfigPatterns.HealthPathAllowed),
            HealthCheckGraceSeconds = config.Int("healthCheckGraceSeconds", 60, 0, 2147483647),
            Environment = environment,
            Secrets = secrets,
            LogRetentionDays = config.OneOf("logRetentionDays", defaults.LogRetentionDays, RetentionDays),
            Spot = config.Bool("spot", defaults.Spot),
            MinHealthyPercent = minHealthy,
            MaxPercent = maxPercent,
        };
    }
}
