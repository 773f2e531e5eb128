using System.Globalization;
using System.Text.RegularExpressions;
using Deployments.Infra.Json;
using Deployments.Infra.Template;

namespace Deployments.Infra.Config;

/// <summary>
/// Typed, validating access to config values. Nothing throws while reading: every problem is collected with
/// the key it belongs to, and <see cref="ThrowIfInvalid"/> reports them all at once (cdk8s <c>validate()</c>).
/// A reader is either the stack's top level (<c>project:key</c>) or an object value (<c>project:key.member</c>).
/// </summary>
public sealed class ConfigReader
{
    private readonly Func<string, string?> _lookup;
    private readonly Func<IEnumerable<string>> _keys;
    private readonly string _prefix;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly List<ConfigProblem> _problems;
    private readonly IReadOnlyCollection<string> _secretKeys;

    private ConfigReader(Func<string, string?> lookup, Func<IEnumerable<string>> keys, string prefix, List<ConfigProblem> problems, IReadOnlyCollection<string> secretKeys)
    {
        _lookup = lookup;
        _keys = keys;
        _prefix = prefix;
        _problems = problems;
        _secretKeys = secretKeys;
    }

    /// <summary>The one non-namespaced key the compiler reads; provider keys (aws:secretKey…) go to the provider, not here.</summary>
    public const string RegionKey = "aws:region";

    /// <summary>
    /// Every value the compiler reads ends up in the template in plain text (task definitions, tags, outputs), and
    /// the YAML host gives the compiler plaintext (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go), so a secret one is refused rather than leaked;
    /// the way to give the app a secret is <c>secrets</c>: an ARN that ECS resolves when the task starts.
    /// </summary>
    public const string SecretRefusal = "is marked secret, but the compiler writes the values it reads into the template in plain text; "
        + "keep the secret out of config: store it in SSM Parameter Store or Secrets Manager and give the app its ARN under 'secrets' "
        + "(e.g. secrets: {\"DB_PASSWORD\": \"arn:aws:secretsmanager:…\"}), which ECS resolves at task start";

    /// <summary>
    /// How a value appears in a message: quoted when short and printable (enum-like values help the reader), else
    /// only its length — any key may hold a pasted secret, and a long or multi-line value floods the log.
    /// Values of secret keys never reach a message (see <see cref="Problem"/>).
    /// </summary>
    public static string Shown(string value) =>
        value.Length <= 64 && !value.Any(char.IsControl) ? $"'{value}'" : $"a value of {value.Length} characters";

    /// <summary>A reader over the stack's keys in namespace <paramref name="project"/>.</summary>
    public static ConfigReader ForStack(ConfigSource source, string project)
    {
        var problems = new List<ConfigProblem>(source.LoadProblems);
        var ns = project + ":";
        foreach (var key in source.SecretKeys.Order(StringComparer.Ordinal))
            if ((key.StartsWith(ns, StringComparison.Ordinal) || key == RegionKey) && source.Values.ContainsKey(key))
                problems.Add(new(key, SecretRefusal));
        return new ConfigReader(
            key => source.Values.TryGetValue(ns + key, out var v) ? v : null,
            () => source.Values.Keys.Where(k => k.StartsWith(ns, StringComparison.Ordinal)).Select(k => k[ns.Length..]),
            ns, problems, source.SecretKeys);
    }

    public IReadOnlyList<ConfigProblem> Problems => _problems;

    public string KeyName(string key) => _prefix + key;

    public void Problem(string key, string message) => ProblemWithQualifiedKey(KeyName(key), message);

    /// <summary>A problem with a key outside this reader's namespace (e.g. <c>aws:region</c>). Problems of a secret
    /// key (or a member of one) are dropped: its refusal is already reported, and these could quote its value.</summary>
    public void ProblemWithQualifiedKey(string qualifiedKey, string message)
    {
        if (_secretKeys.Any(s => qualifiedKey == s || qualifiedKey.StartsWith(s + ".", StringComparison.Ordinal))) return;
        _problems.Add(new(qualifiedKey, message));
    }

    public bool Has(string key) { _read.Add(key); return _lookup(key) is not null; }

    public string? OptionalString(string key, Regex? pattern = null, string? allowed = null)
    {
        _read.Add(key);
        var value = _lookup(key);
        if (value is null) return null;
        if (pattern is not null && !pattern.IsMatch(value))
        {
            Problem(key, $"{Shown(value)} is not allowed: {allowed}");
            return null;
        }
        return value;
    }

    public string String(string key, string defaultValue, Regex? pattern = null, string? allowed = null) =>
        OptionalString(key, pattern, allowed) ?? defaultValue;

    public string RequiredString(string key, string allowed, Regex? pattern = null)
    {
        var value = OptionalString(key, pattern, allowed);
        if (value is null && _lookup(key) is null) Problem(key, $"is required: {allowed}");
        return value ?? "";
    }

    public int Int(string key, int defaultValue, int min, int max)
    {
        _read.Add(key);
        var value = _lookup(key);
        if (value is null) return defaultValue;
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Problem(key, $"{Shown(value)} is not allowed: an integer from {min} to {max}");
            return defaultValue;
        }
        return number;
    }

    public int OneOf(string key, int defaultValue, IReadOnlyList<int> allowed)
    {
        var value = Int(key, defaultValue, int.MinValue, int.MaxValue);
        foreach (var option in allowed) if (option == value) return value;
        Problem(key, $"'{value}' is not allowed: one of {string.Join(", ", allowed)}");
        return defaultValue;
    }

    public bool Bool(string key, bool defaultValue)
    {
        _read.Add(key);
        var value = _lookup(key);
        if (value is null) return defaultValue;
        if (value is "true" or "false") return value == "true";
        Problem(key, $"{Shown(value)} is not allowed: true or false");
        return defaultValue;
    }

    public string Choice(string key, string defaultValue, params string[] allowed)
    {
        _read.Add(key);
        var value = _lookup(key);
        if (value is null) return defaultValue;
        if (allowed.Contains(value, StringComparer.Ordinal)) return value;
        Problem(key, $"{Shown(value)} is not allowed: one of {string.Join(", ", allowed)}");
        return defaultValue;
    }

    /// <summary>A JSON array of strings (or, for convenience, one string that becomes a one-item list).</summary>
    public IReadOnlyList<string> StringList(string key, string allowed)
    {
        _read.Add(key);
        var value = _lookup(key);
        if (value is null) return [];
        if (!value.TrimStart().StartsWith('[')) return [value];
        if (JsonParser.TryParse(value, out var list) && list!.Kind == JsonKind.Array && list.Items.All(i => i.Kind == JsonKind.String))
            return list.Items.Select(i => i.Text!).ToList();
        Problem(key, $"must be a list of strings: {allowed}");
        return [];
    }

    /// <summary>A JSON object whose values are strings (numbers and booleans are accepted as their text).</summary>
    public IReadOnlyDictionary<string, string> StringMap(string key, string allowed)
    {
        var section = Object(key);
        if (section is null) return new Dictionary<string, string>(StringComparer.Ordinal);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in section._keys())
        {
            var value = section.OptionalString(name);
            if (value is not null) map[name] = value;
        }
        foreach (var name in SortedKeys.Of(map))
        {
            if (!map[name].StartsWith('{') && !map[name].StartsWith('[')) continue;
            section.Problem(name, $"must be a string: {allowed}");
            map.Remove(name);
        }
        return map;
    }

    /// <summary>A reader over an object value, or null when the key is absent (problems name <c>key.member</c>).</summary>
    public ConfigReader? Object(string key)
    {
        _read.Add(key);
        var value = _lookup(key);
        if (value is null) return null;
        if (!JsonParser.TryParse(value, out var element) || element!.Kind != JsonKind.Object)
        {
            Problem(key, "must be an object (a YAML mapping)");
            return null;
        }
        return new ConfigReader(
            member => element.Member(member)?.AsConfigString(),
            () => element.Members.Select(m => m.Name).Distinct().ToList(),
            KeyName(key) + ".", _problems, _secretKeys);
    }

    /// <summary>Reports keys that nothing read: a typo must not silently fall back to a default.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var key in _keys().Where(k => !_read.Contains(k)).OrderBy(k => k, StringComparer.Ordinal))
            Problem(key, $"is not a known key here; known keys: {string.Join(", ", _read.OrderBy(k => k, StringComparer.Ordinal))}");
    }

    public void ThrowIfInvalid()
    {
        if (_problems.Count > 0) throw new ConfigException(_problems);
    }
}
