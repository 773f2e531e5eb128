using System.Collections;

namespace Deployments.Infra.Template;

/// <summary>
/// An ordered property bag: insertion order is output order, so the template is deterministic without sorting
/// keys that read better in their natural order. Values may be strings (literals), numbers, booleans,
/// <see cref="Expr"/>, nested <see cref="Props"/>, or sequences of those. Null values are omitted.
/// Keys and values are kept in two lists rather than as key-value pairs: generic code over value-type pairs is
/// not precompiled, and the compiler's start-up time is paid on every Pulumi operation (see bench/).
/// </summary>
public sealed class Props : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<string> _keys = [];
    private readonly List<object?> _values = [];

    public object? this[string key]
    {
        get
        {
            var index = _keys.IndexOf(key);
            return index >= 0 ? _values[index] : null;
        }
        set
        {
            var index = _keys.IndexOf(key);
            if (index >= 0)
            {
                _values[index] = value;
                return;
            }
            _keys.Add(key);
            _values.Add(value);
        }
    }

    public int Count => _keys.Count;

    public IReadOnlyList<string> Keys => _keys;

    public void Add(string key, object? value) => this[key] = value;

    public bool ContainsKey(string key) => _keys.Contains(key);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Count; i++) yield return new(_keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Copies a string map sorted by key (ordinal), for tags and environment variables.</summary>
    public static Props Sorted(IReadOnlyDictionary<string, string> values)
    {
        var props = new Props();
        foreach (var key in SortedKeys.Of(values)) props[key] = values[key];
        return props;
    }
}
