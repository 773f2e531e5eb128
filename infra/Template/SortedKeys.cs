namespace Deployments.Infra.Template;

/// <summary>Keys of a map in ordinal order: the one way maps become ordered output.</summary>
public static class SortedKeys
{
    public static List<string> Of<TValue>(IReadOnlyDictionary<string, TValue> map)
    {
        var keys = new List<string>(map.Count);
        foreach (var key in map.Keys) keys.Add(key);
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
