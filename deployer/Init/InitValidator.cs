using System.Globalization;
using System.Text.Json;
using Deployments.Deployer.Errors;
using Deployments.Infra.Config;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Init;

/// <summary>
/// Flags → <see cref="InitSettings"/>, with the compiler's own rules (app name, region, DNS names, paths, ports),
/// so that what init writes compiles. Every problem is reported at once, each naming its flag and what is allowed;
/// a value is quoted only when short and printable (<see cref="ConfigReader.Shown"/>).
/// </summary>
public static class InitValidator
{
    public const string DefaultRegion = "eu-west-1";
    public const int DefaultPort = 8080;
    public const string DefaultHealthPath = "/health";
    /// <summary>A command every image with a shell has, which succeeds and changes nothing: replace it with the app's own.</summary>
    public const string DefaultMigrationCommand = "true";
    /// <summary>The shape of a Route 53 zone ID, not a real zone: a placeholder, said so at the end of the run.</summary>
    public const string PlaceholderHostedZoneId = "Z0000000000EXAMPLE";
    /// <summary>example.com is reserved for documentation (RFC 2606): it is never someone's real domain.</summary>
    public const string PlaceholderDomain = "example.com";
    public const int MaxMigrationCommandLength = 4096;

    public static InitSettings Validate(InitFlags flags, string currentDirectory)
    {
        var problems = new List<string>();
        var placeholders = new List<string>();
        var directory = Path.GetFullPath(flags.Directory ?? currentDirectory);
        if (!System.IO.Directory.Exists(directory)) problems.Add($"--dir: {ConfigReader.Shown(flags.Directory ?? "")} is not a directory; pass the application repository's directory");

        var app = flags.App ?? AppName.FromDirectory(Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar)));
        if (!NameRules.TryValidateAppName(app, out var appMessage))
            problems.Add(flags.App is null
                ? $"--app: the directory name {ConfigReader.Shown(Path.GetFileName(directory))} does not make an app name; pass --app NAME, which {appMessage}"
                : $"--app: {ConfigReader.Shown(app ?? "")} {appMessage}");
        app ??= "app";

        var region = flags.Region ?? DefaultRegion;
        if (!ConfigPatterns.Region().IsMatch(region)) problems.Add($"--region: {ConfigReader.Shown(region)} is not allowed: an AWS region such as eu-west-1");

        var port = DefaultPort;
        if (flags.Port is not null && (!int.TryParse(flags.Port, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
            problems.Add($"--port: {ConfigReader.Shown(flags.Port)} is not allowed: the port the app listens on, 1-65535");

        var healthPath = flags.HealthPath ?? DefaultHealthPath;
        if (!ConfigPatterns.HealthPath().IsMatch(healthPath)) problems.Add($"--health-path: {ConfigReader.Shown(healthPath)} is not allowed: {ConfigPatterns.HealthPathAllowed}");

        var migration = MigrationCommand(flags.MigrationCommand ?? DefaultMigrationCommand, problems);
        if (flags.MigrationCommand is null) placeholders.Add("--migration-command");

        var production = Domain("--production-domain", flags.ProductionDomain, $"{app}.{PlaceholderDomain}", problems, placeholders);
        var staging = Domain("--staging-domain", flags.StagingDomain, $"staging.{production}", problems, placeholders);
        var preview = Domain("--preview-domain", flags.PreviewDomain, $"preview.{production}", problems, placeholders);
        if (!problems.Any(p => p.StartsWith("--staging-domain", StringComparison.Ordinal) || p.StartsWith("--preview-domain", StringComparison.Ordinal))
            && !PreviewHostRules.TryValidatePreviewDomain(preview, staging, out var previewMessage))
            problems.Add($"--preview-domain: {ConfigReader.Shown(preview)} {previewMessage} (--staging-domain is {staging})");

        var zone = flags.HostedZoneId ?? PlaceholderHostedZoneId;
        if (flags.HostedZoneId is null) placeholders.Add("--hosted-zone-id");
        else if (!ConfigPatterns.HostedZoneId().IsMatch(zone)) problems.Add("--hosted-zone-id: is not allowed: a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ");

        var repository = flags.GitHubRepository ?? (System.IO.Directory.Exists(directory) ? GitRemote.OriginRepository(directory) : null);
        if (flags.GitHubRepository is not null && !CiPatterns.Repository().IsMatch(flags.GitHubRepository))
            problems.Add($"--github-repository: is not allowed: {CiPatterns.RepositoryAllowed}");
        if (flags.StateBucket is not null && !CiPatterns.BucketName().IsMatch(flags.StateBucket))
            problems.Add($"--state-bucket: is not allowed: {CiPatterns.BucketNameAllowed}");
        if (flags.StateBucket is not null && repository is null)
            problems.Add("--state-bucket: needs --github-repository (the bucket is what the CI roles may read and write)");

        var compiler = flags.Compiler switch
        {
            null or "global" => CompilerMode.Global,
            "local" => CompilerMode.Local,
            _ => Problem(problems, $"--compiler: {ConfigReader.Shown(flags.Compiler)} is not allowed: global (the deployments command on PATH) or local (dotnet tool run deployments, pinned by the tool manifest)", CompilerMode.Global),
        };
        var actionRepository = flags.ActionRepository ?? ActionPins.DefaultActionRepository;
        if (!CiPatterns.Repository().IsMatch(actionRepository))
            problems.Add($"--action-repository: is not allowed: {CiPatterns.RepositoryAllowed}");

        if (problems.Count > 0) throw new UserInputException(string.Join("\n", problems));
        return new InitSettings
        {
            Directory = directory, App = app, Region = region, Port = port, HealthPath = healthPath, MigrationCommand = migration,
            StagingDomain = staging, ProductionDomain = production, PreviewDomain = preview, HostedZoneId = zone,
            GitHubRepository = repository, StateBucket = flags.StateBucket, Compiler = compiler, ActionRepository = actionRepository,
            Force = flags.Force, Placeholders = placeholders,
        };
    }

    private static string Domain(string flag, string? value, string fallback, List<string> problems, List<string> placeholders)
    {
        if (value is null && fallback.EndsWith("." + PlaceholderDomain, StringComparison.Ordinal)) placeholders.Add(flag);
        var domain = value ?? fallback;
        if (!ConfigPatterns.DnsName().IsMatch(domain)) problems.Add($"{flag}: {ConfigReader.Shown(domain)} is not allowed: {ConfigPatterns.DnsNameAllowed}");
        return domain;
    }

    /// <summary>Words separated by spaces (<c>alembic upgrade head</c>), or a JSON array of strings for arguments holding spaces.</summary>
    private static IReadOnlyList<string> MigrationCommand(string value, List<string> problems)
    {
        const string Allowed = "the migration command and its arguments separated by spaces (alembic upgrade head), or a JSON array of strings ([\"sh\", \"-c\", \"npm run migrate\"]); no control characters";
        if (value.Length > MaxMigrationCommandLength)
            return Problem(problems, $"--migration-command: a value of {value.Length} characters is not allowed: at most {MaxMigrationCommandLength}; {Allowed}", (IReadOnlyList<string>)[]);
        IReadOnlyList<string> words;
        if (value.TrimStart().StartsWith('['))
        {
            try { words = JsonSerializer.Deserialize(value, Json.DeployerJsonContext.Default.IReadOnlyListString) ?? []; }
            catch (JsonException) { return Problem(problems, $"--migration-command: is not a JSON array of strings: {Allowed}", (IReadOnlyList<string>)[]); }
        }
        else words = value.Split([' '], StringSplitOptions.RemoveEmptyEntries);
        if (words.Count == 0 || words.Any(w => w is null || w.Length == 0 || !IsPrintable(w)))
            return Problem(problems, $"--migration-command: {ConfigReader.Shown(value)} is not allowed: {Allowed}", (IReadOnlyList<string>)[]);
        return words;
    }

    private static bool IsPrintable(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsControl(c) || char.IsLowSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF') return false;
            if (char.IsHighSurrogate(c) && (i + 1 == word.Length || !char.IsLowSurrogate(word[++i]))) return false;
        }
        return true;
    }

    private static T Problem<T>(List<string> problems, string message, T fallback)
    {
        problems.Add(message);
        return fallback;
    }
}
