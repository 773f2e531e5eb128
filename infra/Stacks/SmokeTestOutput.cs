using System.Text.Json;
using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>
/// <see cref="SmokeTestSettings"/> as an output value (an environment's <c>smokeTest</c> output and the
/// <c>smokeTest</c> member of its <c>previewDefaults</c>), mapped once for the compiler that writes it and the
/// deployer that reads it back from the stack outputs.
/// </summary>
public static class SmokeTestOutput
{
    public const string Command = "command", TimeoutSeconds = "timeoutSeconds";

    public static Props Render(SmokeTestSettings settings) => new()
    {
        [Command] = settings.Command.ToList(),
        [TimeoutSeconds] = settings.TimeoutSeconds,
    };

    /// <summary>The settings, or null for an absent or JSON-null value (a stack deployed before smoke tests existed has none).</summary>
    public static SmokeTestSettings? Read(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty(Command, out var command) && command.ValueKind == JsonValueKind.Array
            ? new SmokeTestSettings([.. command.EnumerateArray().Select(a => a.GetString() ?? "")],
                v.TryGetProperty(TimeoutSeconds, out var t) && t.TryGetInt32(out var seconds) ? seconds : SmokeTestSettings.DefaultTimeoutSeconds)
            : null;
}
