namespace Deployments.Deployer.Tests.Smoke;

/// <summary>
/// Which printed lines the Actions runner would take for workflow commands, by its own rules (actions/runner
/// src/Runner.Common/ActionCommand.cs: TryParseV2 — <c>::name …::</c> after leading white space — and the legacy
/// TryParse — <c>##[name …]</c> anywhere in a line; lines are split at \n and \r as its reader does), for the commands it registers.
/// </summary>
public static class RunnerCommands
{
    private static readonly HashSet<string> RegisteredNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "add-mask", "set-output", "set-env", "add-path", "error", "warning", "notice", "debug", "group", "endgroup",
        "save-state", "add-matcher", "remove-matcher", "echo", "stop-commands",
    };

    /// <param name="text">What was printed.</param>
    /// <param name="stopToken">A token given to <c>::stop-commands::</c>, which the runner registers as a command until it is seen.</param>
    public static IReadOnlyList<string> In(string text, string? stopToken = null) =>
        text.Split('\n', '\r').Select(l => Parse(l, stopToken)).OfType<string>().ToList();

    public static string? Parse(string line, string? stopToken = null)
    {
        bool Registered(string name) => RegisteredNames.Contains(name) || string.Equals(name, stopToken, StringComparison.OrdinalIgnoreCase);
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("::", StringComparison.Ordinal))
        {
            var end = trimmed.IndexOf("::", 2, StringComparison.Ordinal);
            if (end >= 0 && Registered(trimmed[2..end].Split(' ')[0])) return trimmed;
        }
        var prefix = line.IndexOf("##[", StringComparison.Ordinal);
        if (prefix >= 0)
        {
            var close = line.IndexOf(']', prefix);
            if (close >= 0 && Registered(line[(prefix + 3)..close].Split(' ')[0])) return line;
        }
        return null;
    }
}
