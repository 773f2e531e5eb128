namespace Deployments.Infra.Json;

/// <summary>
/// A parsed JSON value that remembers its source text (<see cref="Raw"/>): config hands nested objects and lists on
/// as JSON text, the way Pulumi passes them.
/// </summary>
public sealed record JsonValue(JsonKind Kind, string Raw)
{
    /// <summary>The decoded string of a <see cref="JsonKind.String"/>.</summary>
    public string? Text { get; init; }
    public IReadOnlyList<JsonValue> Items { get; init; } = [];
    /// <summary>Object members in source order (later duplicates win on lookup, as in most parsers).</summary>
    public IReadOnlyList<JsonMember> Members { get; init; } = [];

    public JsonValue? Member(string name)
    {
        for (var i = Members.Count - 1; i >= 0; i--)
            if (Members[i].Name == name) return Members[i].Value;
        return null;
    }

    /// <summary>Strings as their text, everything else as its JSON source (numbers, booleans, objects…).</summary>
    public string AsConfigString() => Kind == JsonKind.String ? Text! : Raw;
}
