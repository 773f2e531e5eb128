using System.CommandLine;
using Deployments.Deployer.Init;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>deployments init</c>: in an application repository, writes what a team keeps — Pulumi.yaml, the staging and
/// production stack files, the tool manifest and the workflows — from flags and defaults. It asks nothing (so it
/// runs the same with or without a terminal), writes nothing when any flag is bad or any file exists with other
/// content (unless <c>--force</c>), and a second run changes nothing. The written files are listed on stdout.
/// </summary>
public sealed class InitCommand : Command
{
    private readonly Option<string?> _dir = new("--dir") { Description = "The application repository (default: the current directory)" };
    private readonly Option<string?> _app = new("--app") { Description = "App name, prefix of every AWS name and the Pulumi project's name (default: the directory's name, normalised)" };
    private readonly Option<string?> _region = new("--region") { Description = $"AWS region (default {InitValidator.DefaultRegion})" };
    private readonly Option<string?> _port = new("--port") { Description = $"Port the app listens on (default {InitValidator.DefaultPort})" };
    private readonly Option<string?> _healthPath = new("--health-path") { Description = $"Health check path (default {InitValidator.DefaultHealthPath})" };
    private readonly Option<string?> _migrationCommand = new("--migration-command") { Description = "Migration command: words separated by spaces, or a JSON array of strings (default: true, a no-op)" };
    private readonly Option<string?> _stagingDomain = new("--staging-domain") { Description = "Staging's host (default staging.<production domain>)" };
    private readonly Option<string?> _productionDomain = new("--production-domain") { Description = "Production's host (default <app>.example.com, a placeholder)" };
    private readonly Option<string?> _previewDomain = new("--preview-domain") { Description = "Previews are served at <branch>.<preview domain> (default preview.<production domain>)" };
    private readonly Option<string?> _hostedZoneId = new("--hosted-zone-id") { Description = "Route 53 hosted zone of the domains (default: a placeholder)" };
    private readonly Option<string?> _gitHubRepository = new("--github-repository") { Description = "OWNER/REPO the CI roles trust (default: the origin remote's, when on github.com; none: no CI roles)" };
    private readonly Option<string?> _stateBucket = new("--state-bucket") { Description = "The S3 bucket of an s3:// Pulumi backend, which the CI roles may use" };
    private readonly Option<string?> _compiler = new("--compiler") { Description = "global: Pulumi.yaml runs 'deployments compile' (the default); local: 'dotnet tool run deployments compile'" };
    private readonly Option<string?> _actionRepository = new("--action-repository") { Description = $"Repository of the Deployments action the workflows use (default {ActionPins.DefaultActionRepository})" };
    private readonly Option<bool> _force = new("--force") { Description = "Overwrite files that exist with other content" };

    public InitCommand(CommandContext context) : base("init", "Write Pulumi.yaml, the stack files, the tool manifest and the workflows into an application repository")
    {
        foreach (var option in new Option[] { _dir, _app, _region, _port, _healthPath, _migrationCommand, _stagingDomain, _productionDomain, _previewDomain, _hostedZoneId, _gitHubRepository, _stateBucket, _compiler, _actionRepository, _force })
            Options.Add(option);
        SetAction(result =>
        {
            var settings = InitValidator.Validate(new InitFlags
            {
                Directory = result.GetValue(_dir), App = result.GetValue(_app), Region = result.GetValue(_region), Port = result.GetValue(_port),
                HealthPath = result.GetValue(_healthPath), MigrationCommand = result.GetValue(_migrationCommand),
                StagingDomain = result.GetValue(_stagingDomain), ProductionDomain = result.GetValue(_productionDomain),
                PreviewDomain = result.GetValue(_previewDomain), HostedZoneId = result.GetValue(_hostedZoneId),
                GitHubRepository = result.GetValue(_gitHubRepository), StateBucket = result.GetValue(_stateBucket),
                Compiler = result.GetValue(_compiler), ActionRepository = result.GetValue(_actionRepository), Force = result.GetValue(_force),
            }, Environment.CurrentDirectory);
            var manifest = Path.Combine(settings.Directory, Scaffold.ToolManifestPath);
            var existingManifest = File.Exists(manifest) && new FileInfo(manifest).Length <= 1024 * 1024 ? File.ReadAllText(manifest) : null;
            var files = Scaffold.Files(settings, ToolIdentity.Running, existingManifest, out var actionPinned);
            var written = ScaffoldWriter.Write(settings.Directory, files, settings.Force);
            foreach (var (file, outcome) in written) context.Out.WriteLine($"{outcome.ToString().ToLowerInvariant(),-11} {file.Path}");
            InitNotes.Write(context.Error, settings, actionPinned);
            return ExitCodes.Success;
        });
    }
}
