namespace Deployments.Deployer.GitHub;

/// <summary>
/// The <c>::add-mask::</c> commands that hide every credential the run can see from the Actions log
/// (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands), written before anything else is printed. They go to stderr: the runner reads workflow
/// commands from a step's stderr as well as its stdout (actions/runner src/Runner.Worker/Handlers/ScriptHandler.cs,
/// https://github.com/actions/runner/blob/main/src/Runner.Worker/Handlers/ScriptHandler.cs — one OutputManager with
/// the command manager per stream), so stdout stays data: with <c>--json</c>, exactly one JSON document.
/// </summary>
public static class ActionsMasks
{
    /// <summary>
    /// Credentials by variable name: the runner's own tokens, GitHub tokens (gh reads GH_TOKEN), AWS secret and session
    /// keys, Pulumi's access token and passphrase. URLs (ACTIONS_RESULTS_URL, ACTIONS_ID_TOKEN_REQUEST_URL) and key
    /// IDs are not secrets, and masking them would only blank useful log lines.
    /// </summary>
    public static readonly string[] SecretVariables =
    [
        "ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "GH_TOKEN", "GITHUB_TOKEN",
        "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE",
    ];

    /// <summary>The variable naming a file whose content is a secret (the passphrase, as Pulumi reads it).</summary>
    public const string PassphraseFileVariable = "PULUMI_CONFIG_PASSPHRASE_FILE";

    /// <summary>A passphrase file is a few bytes; more than this is not read into memory (what was read is masked).</summary>
    public const int MaxSecretFileBytes = 64 * 1024;

    public static IReadOnlyList<string> Commands(Func<string, string?> getVariable)
    {
        var values = new List<string>();
        foreach (var name in SecretVariables)
            if (getVariable(name) is { Length: > 0 } value) values.Add(value);
        if (getVariable(PassphraseFileVariable) is { Length: > 0 } path && ReadBounded(path) is { Length: > 0 } content) values.Add(content);
        // A mask matches one printed line at most, so a multi-line value is masked line by line (and whole).
        return values
            .SelectMany(v => v.Contains('\n', StringComparison.Ordinal) ? [v, .. v.Split('\n').Select(l => l.TrimEnd('\r'))] : new[] { v })
            .Where(v => v.Trim().Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(v => $"::add-mask::{WorkflowCommand.Escape(v)}")
            .ToList();
    }

    private static string? ReadBounded(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var buffer = new byte[MaxSecretFileBytes];
            var read = 0;
            for (int n; read < buffer.Length && (n = file.Read(buffer, read, buffer.Length - read)) > 0;) read += n;
            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null; // pulumi reports an unreadable passphrase file itself
        }
    }
}
