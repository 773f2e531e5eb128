using System.Text.Json;
using System.Text.RegularExpressions;

namespace Deployments.Deployer.Pulumi;

/// <summary>
/// Decides the environment <c>pulumi</c> runs with. A configured backend — <c>PULUMI_BACKEND_URL</c>, a
/// <c>backend:</c> in Pulumi.yaml, or a <c>pulumi login</c> (credentials.json) — is used as it is (https://www.pulumi.com/docs/iac/cli/environment-variables/).
/// With none, state goes to a file backend inside the project (<c>.pulumi-state/</c>, git-ignored), with an empty
/// passphrase unless one is set, and the operator is told once. Always: no update check, and debug commands on
/// (the engine event log needs them).
/// </summary>
public static partial class BackendResolver
{
    public const string LocalStateDirectory = ".pulumi-state";

    public sealed record Backend(IReadOnlyDictionary<string, string?> Environment, string Description, bool IsLocalDefault);

    /// <summary>
    /// The backend and environment for <paramref name="projectDirectory"/>. With <paramref name="readOnly"/> (commands
    /// that only read: <c>status</c>, <c>preview list</c>) the local state directory is never created; when it does not
    /// exist there is no stack to read, which is the operator's error (exit 2).
    /// </summary>
    public static Backend Resolve(string projectDirectory, Func<string, string?> getVariable, bool readOnly = false)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PULUMI_SKIP_UPDATE_CHECK"] = "true",
            ["PULUMI_DEBUG_COMMANDS"] = "true",
        };
        if (getVariable("PULUMI_BACKEND_URL") is { Length: > 0 } url)
            return new Backend(environment, $"backend {Mask(url)} (PULUMI_BACKEND_URL)", false);
        if (ProjectBackend(projectDirectory) is { } projectUrl)
            return new Backend(environment, $"backend {Mask(projectUrl)} (Pulumi.yaml)", false);
        if (LoggedIn(getVariable) is { } current)
            return new Backend(environment, $"backend {Mask(current)} (pulumi login)", false);

        var directory = Path.Combine(projectDirectory, LocalStateDirectory);
        if (readOnly && !Directory.Exists(directory))
            throw new Errors.UserInputException($"no Pulumi backend is configured and there is no local state in {directory}, so there are no stacks to show; set PULUMI_BACKEND_URL (e.g. s3://bucket) to read the shared backend");
        Directory.CreateDirectory(directory);
        environment["PULUMI_BACKEND_URL"] = "file://" + directory;
        var passphrase = getVariable("PULUMI_CONFIG_PASSPHRASE") is not null || getVariable("PULUMI_CONFIG_PASSPHRASE_FILE") is not null;
        if (!passphrase) environment["PULUMI_CONFIG_PASSPHRASE"] = "";
        return new Backend(environment,
            $"no Pulumi backend configured: using the local file backend in {directory}{(passphrase ? "" : " with an empty passphrase")}; set PULUMI_BACKEND_URL (e.g. s3://bucket) to share state between runners",
            true);
    }

    /// <summary>Hides user and password in URLs such as <c>postgres://user:pw@host</c>.</summary>
    public static string Mask(string url) => Credentials().Replace(url, "://****:****@");

    [GeneratedRegex("://[^/@]+@")]
    private static partial Regex Credentials();

    [GeneratedRegex(@"^backend:\s*\n\s+url:\s*(?<url>\S+)", RegexOptions.Multiline)]
    private static partial Regex BackendBlock();

    private static string? ProjectBackend(string projectDirectory)
    {
        var match = BackendBlock().Match(File.ReadAllText(Path.Combine(projectDirectory, "Pulumi.yaml")));
        return match.Success ? match.Groups["url"].Value : null;
    }

    private static string? LoggedIn(Func<string, string?> getVariable)
    {
        var home = getVariable("PULUMI_HOME") ?? Path.Combine(getVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pulumi");
        var file = Path.Combine(home, "credentials.json");
        if (!File.Exists(file)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return document.RootElement.TryGetProperty("current", out var current) && current.GetString() is { Length: > 0 } value ? value : null;
        }
        catch (JsonException) { return null; }
    }
}
