using System.Text.RegularExpressions;

namespace Deployments.Infra.Tests.Naming;

/// <summary>
/// Who owns each name, per AWS namespace (task and migration families share one, as do all security groups and
/// all IAM roles). Case-insensitive, as IAM, EC2 security groups and RDS are. Records every clash and rule break.
/// </summary>
public sealed class NameRegistry
{
    private readonly Dictionary<string, Dictionary<string, string>> owners = new(StringComparer.Ordinal);

    public List<string> Failures { get; } = [];

    public int Count(string space) => owners.TryGetValue(space, out var names) ? names.Count : 0;

    /// <summary>Claims <paramref name="name"/> for <paramref name="owner"/> (e.g. "branch 'x'") as its <paramref name="kind"/>.</summary>
    public void Claim(string space, string kind, string name, string owner)
    {
        if (!owners.TryGetValue(space, out var names)) owners[space] = names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var claim = $"{kind} of {owner}";
        if (names.TryGetValue(name, out var previous) && previous != claim)
            Failures.Add($"{space} '{name}' is both the {previous} and the {claim}");
        names[name] = claim;
    }

    /// <summary>Checks every name against its rule and claims it.</summary>
    public void ClaimAll(IEnumerable<(string? Namespace, string Kind, string Name, Regex Rule)> names, string owner)
    {
        foreach (var (space, kind, name, rule) in names)
        {
            if (!rule.IsMatch(name)) Failures.Add($"{kind} '{name}' ({name.Length} characters) of {owner} breaks its limit or charset");
            if (space is not null) Claim(space, kind, name, owner);
        }
    }
}
