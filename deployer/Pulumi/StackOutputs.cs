using System.Text.Json;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Pulumi;

/// <summary>
/// A stack's outputs read by name, where a missing or mistyped output is a user error naming the stack, the output
/// and the way out (deploy the stack with this version), not a crash.
/// </summary>
public sealed class StackOutputs(string stack, IReadOnlyDictionary<string, JsonElement> outputs, string option = "--stack")
{
    /// <summary>How <c>pulumi stack output --json</c> prints a secret without <c>--show-secrets</c>, which the deployer never passes.</summary>
    public const string SecretPlaceholder = "[secret]";

    public string Text(string key) => TryGet(key, out var v) && v.ValueKind == JsonValueKind.String
        ? v.GetString()!
        : throw Missing(key, "");

    public IReadOnlyList<string> List(string key) => TryGet(key, out var v) && v.ValueKind == JsonValueKind.Array
        ? v.EnumerateArray().Select(e => e.GetString()!).ToList()
        : throw Missing(key, " list");

    /// <summary>A string output, or null when the stack has none (never deployed, or deployed by an older version).</summary>
    public string? OptionalText(string key) => TryGet(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A whole-number output.</summary>
    public int Int(string key) => TryGet(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n)
        ? n
        : throw Missing(key, " number");

    /// <summary>A boolean output; absent (a stack deployed before it existed) is false.</summary>
    public bool Flag(string key) => TryGet(key, out var v) && v.ValueKind == JsonValueKind.True;

    public JsonElement Object(string key) => TryGet(key, out var v) && v.ValueKind == JsonValueKind.Object
        ? v
        : throw Missing(key, " object");

    /// <summary>The output, if the stack has it; a secret one is refused, never used as its placeholder text nor copied as plain config into a preview.</summary>
    private bool TryGet(string key, out JsonElement value)
    {
        if (!outputs.TryGetValue(key, out value)) return false;
        if (value.ValueKind == JsonValueKind.String && value.GetString() == SecretPlaceholder)
            throw new UserInputException($"{option}: stack '{stack}' output '{key}' is a secret: the deployer never reads secret outputs, so it cannot use it or copy it into a preview; make it a plain output (application secrets belong in `secrets:` as ARNs)");
        return true;
    }

    private UserInputException Missing(string key, string kind) =>
        new($"{option}: stack '{stack}' has no '{key}'{kind} output; is it a stack of this project, deployed with this version?");
}
