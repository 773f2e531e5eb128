using System.Text.Json;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// Typed access to an event payload that names the offending field (<c>pull_request.head.ref</c>) and what it
/// should have been when the payload is not what GitHub sends.
/// </summary>
public sealed class PayloadReader(JsonElement root, string eventName)
{
    /// <summary>GitHub caps webhook payloads at 25 MB (https://docs.github.com/en/webhooks/webhook-events-and-payloads#payload-cap).</summary>
    public const long MaxPayloadBytes = 25L * 1024 * 1024;

    /// <summary>Reads the event file, refusing one larger than any event GitHub sends before reading it.</summary>
    public static string ReadFile(string path, string option) =>
        InputFiles.ReadText(path, option, MaxPayloadBytes, "the event payload file GitHub wrote (at most 25 MiB)");

    public static PayloadReader Parse(string json, string eventName)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new UserInputException($"event payload: must be a JSON object, found {document.RootElement.ValueKind}");
            return new PayloadReader(document.RootElement.Clone(), eventName);
        }
        catch (JsonException e)
        {
            throw new UserInputException($"event payload: not valid JSON ({e.Message}); is GITHUB_EVENT_PATH the file GitHub wrote?");
        }
    }

    public JsonElement? Get(string path)
    {
        var current = root;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out var next)) return null;
            current = next;
        }
        return current;
    }

    public string String(string path) => Get(path) is { ValueKind: JsonValueKind.String } v && v.GetString() is { Length: > 0 } s
        ? s : throw Missing(path, "a non-empty string");

    /// <summary>A branch name at <paramref name="path"/> (or derived from it: <paramref name="value"/>), held to the naming module's rule.</summary>
    public string Branch(string path, string? value = null)
    {
        var branch = value ?? String(path);
        return Infra.Naming.NameRules.TryValidateBranch(branch, out var rule)
            ? branch
            : throw new UserInputException($"event payload ({eventName}): '{path}' is not a branch name: it {rule}; nothing was done");
    }

    /// <summary>A commit SHA (40 hex digits, as GitHub sends; 7 or more accepted): it becomes an image tag.</summary>
    public string Sha(string path) => String(path) is var sha && Infra.Config.ConfigPatterns.GitSha().IsMatch(sha)
        ? sha : throw Missing(path, "a commit SHA of hexadecimal digits");

    public int Int(string path) => Get(path) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var n) && n > 0
        ? n : throw Missing(path, "a positive number");

    public bool Bool(string path, bool? fallback = null) => Get(path) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        null or { ValueKind: JsonValueKind.Null } when fallback is bool b => b,
        _ => throw Missing(path, "true or false"),
    };

    /// <summary>An object, or null when the field holds null (e.g. <c>head.repo</c> of a deleted fork); absent is an error.</summary>
    public JsonElement? ObjectOrNull(string path) => Get(path) switch
    {
        { ValueKind: JsonValueKind.Object } v => v,
        { ValueKind: JsonValueKind.Null } => null,
        _ => throw Missing(path, "an object or null"),
    };

    public IReadOnlyList<string> LabelNames(string path) => Get(path) switch
    {
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(l => l.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
            ? n.GetString()! : throw Missing($"{path}[].name", "a string")).ToList(),
        null => [],
        _ => throw Missing(path, "an array of labels"),
    };

    private UserInputException Missing(string path, string expected) =>
        new($"event payload ({eventName}): '{path}' is missing or wrong: expected {expected}; nothing was done");
}
