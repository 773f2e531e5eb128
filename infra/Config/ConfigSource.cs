using Deployments.Infra.Json;

namespace Deployments.Infra.Config;

/// <summary>
/// Raw stack config: fully qualified keys (<c>project:key</c>, <c>aws:region</c>) to string values, as the
/// YAML host passes it in <c>PULUMI_CONFIG</c> (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go: objects and arrays arrive JSON-encoded).
/// </summary>
public sealed class ConfigSource
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _secretKeys = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Problems found while loading (bad JSON, encrypted values offline…), reported with the rest.</summary>
    public List<ConfigProblem> LoadProblems { get; } = [];

    /// <summary>Fully qualified keys whose values are secret: never written in plain text, never echoed.</summary>
    public IReadOnlyCollection<string> SecretKeys => _secretKeys;

    public void Set(string qualifiedKey, string value) => _values[qualifiedKey] = value;

    public void MarkSecret(string qualifiedKey) => _secretKeys.Add(qualifiedKey);

    /// <summary>
    /// Reads <c>PULUMI_CONFIG_SECRET_KEYS</c>: a JSON array of fully qualified keys, as Pulumi's language hosts set it
    /// for their SDKs (e.g. https://github.com/pulumi/pulumi-dotnet/blob/main/sdk/Pulumi/Deployment/Deployment.Config.cs).
    /// The YAML host does not pass it to a compiler (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go,
    /// Run: only PULUMI_STACK, _ORGANIZATION, _PROJECT, _CONFIG, _ROOT_DIRECTORY); the deployer does.
    /// </summary>
    public bool TryMarkSecretKeysJson(string json)
    {
        if (!JsonParser.TryParse(json, out var root) || root!.Kind != JsonKind.Array || root.Items.Any(i => i.Kind != JsonKind.String)) return false;
        foreach (var item in root.Items) MarkSecret(item.Text!);
        return true;
    }

    public void Remove(string qualifiedKey) => _values.Remove(qualifiedKey);

    /// <summary>Parses <c>PULUMI_CONFIG</c>: a JSON object of strings.</summary>
    public static ConfigSource FromPulumiConfigJson(string json)
    {
        var source = new ConfigSource();
        try
        {
            var root = JsonParser.Parse(json);
            if (root.Kind != JsonKind.Object) throw new FormatException($"found {root.Kind.ToString().ToLowerInvariant()}");
            foreach (var member in root.Members) source.Set(member.Name, member.Value.AsConfigString());
        }
        catch (FormatException e)
        {
            source.LoadProblems.Add(new("PULUMI_CONFIG", $"must be a JSON object of strings ({e.Message})"));
        }
        return source;
    }

    /// <summary>Applies <c>key=value</c> overrides; a key without a namespace belongs to <paramref name="project"/>.</summary>
    public void ApplyOverrides(IEnumerable<string> assignments, string project)
    {
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // Not echoed: a value given without its key may be a secret.
                LoadProblems.Add(new("--config", "every value must have the form key=value (one of them has no key)"));
                continue;
            }
            Set(ConfigKeys.Qualify(assignment[..equals], project), assignment[(equals + 1)..]);
        }
    }
}
