using System.Text.Json;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Pulumi;

/// <summary>
/// A stack's outputs read by name, where a missing or mistyped output is a user error naming the stack, the output
/// and the way out (deploy the stack with this version), not a crash.
/// </summary>
public sealed class StackOutputs(string stack, IReadOnlyDictionary<string, JsonElement> outputs, string option = "--stack")
{
    public string Text(string key) => outputs.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.String
        ? v.GetString()!
        : throw Missing(key, "");

    public IReadOnlyList<string> List(string key) => outputs.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Array
        ? v.EnumerateArray().Select(e => e.GetString()!).ToList()
        : throw Missing(key, " list");

    public JsonElement Object(string key) => outputs.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Object
        ? v
        : throw Missing(key, " object");

    private UserInputException Missing(string key, string kind) =>
        new($"{option}: stack '{stack}' has no '{key}'{kind} output; is it a stack of this project, deployed with this version?");
}
