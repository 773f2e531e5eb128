namespace Deployments.Deployer.Init;

/// <summary>
/// Settings → the files of a repository that uses Deployments, with no I/O: the same settings always give the
/// same bytes (LF line endings, no clock). Every value reaches a file through <see cref="YamlScalar"/> or has
/// been checked against a pattern that admits only plain words (names, domains, versions, commit SHAs).
/// </summary>
public static class Scaffold
{
    public const string ToolManifestPath = ".config/dotnet-tools.json";
    public const string GlobalCompiler = "deployments compile";
    public const string LocalCompiler = "dotnet tool run deployments compile";

    public static IReadOnlyList<string> Workflows { get; } = ["deploy", "infra", "migrate", "preview", "rollback", "sweep", "drift"];

    /// <summary><paramref name="existingManifest"/>: the repository's tool manifest, when it has one: our entry is added to it.</summary>
    public static IReadOnlyList<ScaffoldFile> Files(InitSettings settings, ToolIdentity tool, string? existingManifest, out bool actionPinned)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // The project is named after the app: its config keys are <app>:key (https://www.pulumi.com/docs/iac/concepts/config/).
            ["project"] = settings.App,
            ["app"] = YamlScalar.Write(settings.App),
            ["description"] = YamlScalar.Write($"{settings.App} on AWS ECS Fargate: staging, production and a preview per branch, by Deployments"),
            ["compiler"] = settings.Compiler == CompilerMode.Local ? LocalCompiler : GlobalCompiler,
            ["region"] = YamlScalar.Write(settings.Region),
            ["migrationCommand"] = YamlScalar.WriteSequence(settings.MigrationCommand),
            ["port"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["healthPath"] = YamlScalar.Write(settings.HealthPath),
            ["hostedZoneId"] = YamlScalar.Write(settings.HostedZoneId),
            ["stagingDomain"] = YamlScalar.Write(settings.StagingDomain),
            ["productionDomain"] = YamlScalar.Write(settings.ProductionDomain),
            ["previewDomain"] = YamlScalar.Write(settings.PreviewDomain),
            ["repository"] = settings.GitHubRepository is { } repository ? YamlScalar.Write(repository) : null,
            ["stateBucket"] = settings.StateBucket is { } bucket ? YamlScalar.Write(bucket) : null,
            ["version"] = tool.Version,
            ["checkout"] = ActionPins.Checkout,
            ["configureAwsCredentials"] = ActionPins.ConfigureAwsCredentials,
            ["dockerLogin"] = ActionPins.DockerLogin,
            ["setupBuildx"] = ActionPins.SetupBuildx,
            ["buildPush"] = ActionPins.BuildPush,
            ["setupDotnet"] = ActionPins.SetupDotnet,
            ["localTools"] = settings.Compiler == CompilerMode.Local ? "" : null,
            ["action"] = ActionPins.Action(settings.ActionRepository, tool, out actionPinned),
        };
        return
        [
            new("Pulumi.yaml", TemplateText.Render(ScaffoldTemplates.Read("Pulumi.yaml"), values)),
            new("Pulumi.staging.yaml", TemplateText.Render(ScaffoldTemplates.Read("Pulumi.staging.yaml"), values)),
            new("Pulumi.production.yaml", TemplateText.Render(ScaffoldTemplates.Read("Pulumi.production.yaml"), values)),
            existingManifest is not null && ToolManifest.Pin(existingManifest, tool.Version, out var onlyAdds) is { } pinned
                ? new(ToolManifestPath, pinned, onlyAdds)
                : new(ToolManifestPath, TemplateText.Render(ScaffoldTemplates.Read("dotnet-tools.json"), values)),
            .. Workflows.Select(w => new ScaffoldFile($".github/workflows/{w}.yml", TemplateText.Render(ScaffoldTemplates.Read($"{w}.yml"), values))),
        ];
    }
}
