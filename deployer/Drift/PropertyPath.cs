using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Deployments.Deployer.Drift;

/// <summary>
/// A property path as Pulumi writes the keys of a detailed diff: names joined by <c>.</c>, indexes as <c>[0]</c>, and
/// names that hold other characters as <c>["a.b"]</c> (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/resource/properties_path.go).
/// Only looked up here, never evaluated: a path that does not parse or does not lead anywhere finds nothing.
/// </summary>
public static class PropertyPath
{
    /// <summary>The value at <paramref name="path"/> in <paramref name="properties"/>, or null when there is none.</summary>
    public static JsonElement? Find(IReadOnlyDictionary<string, JsonElement> properties, string path)
    {
        if (Parse(path) is not { Count: > 0 } segments || segments[0] is not string first || !properties.TryGetValue(first, out var value)) return null;
        foreach (var segment in segments.Skip(1))
        {
            if (segment is string name && value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var child)) value = child;
            else if (segment is int index && value.ValueKind == JsonValueKind.Array && index < value.GetArrayLength()) value = value[index];
            else return null;
        }
        return value;
    }

    /// <summary>The segments (names as strings, indexes as ints), or null when <paramref name="path"/> is not a path.</summary>
    public static IReadOnlyList<object>? Parse(string path)
    {
        var segments = new List<object>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (i + 1 < path.Length && path[i + 1] == '"')
                {
                    var name = new StringBuilder();
                    var j = i + 2;
                    for (; j < path.Length && path[j] != '"'; j++) name.Append(path[j] == '\\' && j + 1 < path.Length ? path[++j] : path[j]);
                    if (j + 1 >= path.Length || path[j + 1] != ']') return null;
                    segments.Add(name.ToString());
                    i = j + 2;
                }
                else if (close > i && int.TryParse(path.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(index);
                    i = close + 1;
                }
                else return null;
            }
            else
            {
                if (path[i] == '.') { if (segments.Count == 0) return null; i++; }
                var end = path.IndexOfAny(['.', '['], i);
                if (end == i) return null;
                segments.Add(path[i..(end < 0 ? path.Length : end)]);
                i = end < 0 ? path.Length : end;
            }
        }
        return segments.Count > 0 ? segments : null;
    }
}
