namespace Deployments.Infra.Config;

/// <summary>
/// Reads a <c>smokeTest</c> object: <c>command</c> (required: a list of strings, the program first) and
/// <c>timeoutSeconds</c>. Arguments are never quoted in messages (a pasted token could be one); the key and the rule are.
/// </summary>
public static class SmokeTestSettingsReader
{
    public const string CommandAllowed = "an argv list such as [\"pytest\", \"tests/smoke\"]: the program, then its arguments, never one shell line";

    /// <summary>The settings, or <paramref name="fallback"/> when the key is absent; an empty <c>command</c> means none.</summary>
    public static SmokeTestSettings? Read(ConfigReader config, SmokeTestSettings? fallback = null)
    {
        var section = config.Object(SmokeTestSettings.Key);
        if (section is null) return fallback;
        var timeout = section.Int("timeoutSeconds", SmokeTestSettings.DefaultTimeoutSeconds, 1, SmokeTestSettings.MaxTimeoutSeconds);
        // One string would become one argument (ConfigReader's convenience), i.e. a program named "pytest tests/smoke".
        var raw = section.OptionalString("command");
        IReadOnlyList<string> command = [];
        if (raw is null) section.Problem("command", $"is required: {CommandAllowed}");
        else if (!raw.TrimStart().StartsWith('[')) section.Problem("command", $"must be a list, not one string: {CommandAllowed}");
        else command = section.StringList("command", CommandAllowed);
        if (command.Count > SmokeTestSettings.MaxArguments)
            section.Problem("command", $"has {command.Count} arguments; at most {SmokeTestSettings.MaxArguments}");
        else if (command.Count > 0 && command[0].Trim().Length == 0)
            section.Problem("command", "starts with an empty program name: the first item is the program to run");
        else if (command.Any(a => a.Length > SmokeTestSettings.MaxArgumentLength || a.Contains('\0', StringComparison.Ordinal)))
            section.Problem("command", $"has an argument longer than {SmokeTestSettings.MaxArgumentLength} characters or holding a NUL character");
        section.RejectUnknownKeys();
        return command.Count == 0 ? null : new SmokeTestSettings(command, timeout);
    }
}
