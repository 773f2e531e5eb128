using System.Collections;

namespace Deployments.Infra.Template;

/// <summary>
/// An ordered property bag: insertion order is output order, so the template is deterministic without sorting
/// keys that read better in their natural order. Values may be strings (literals), numbers, booleans,
/// <see cref="Expr"/>, nested <see cref="Props"/>, or sequences of those. Null values are omitted.
/// </summary>
public sealed class Props : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _entries = [];

    public object? this[string key]
    {
        get => _entries.FirstOrDefault(e => e.Key == key).Value;
        set
        {
            var index = _entries.FindIndex(e => e.Key == key);
            if (index >= 0) _entries[index] = new(key, value);
            else _entries.Add(new(key, value));
        }
    }

    public int Count => _entries.Count;

    public void Add(string key, object? value) => this[key] = value;

    public bool ContainsKey(string key) => _entries.Exists(e => e.Key == key);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Copies a string map sorted by key (ordinal), for tags and environment variables.</summary>
    public static Props Sorted(IEnumerable<KeyValuePair<string, string>> values)
    {
        var props = new Props();
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal)) props[key] = value;
        return props;
    }
}
