using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deployments.Deployer.Init;

/// <summary>
/// Our entry in a repository's existing tool manifest (<c>.config/dotnet-tools.json</c>, the format
/// <c>dotnet tool install --local</c> writes: https://learn.microsoft.com/dotnet/core/tools/local-tools-how-to-use),
/// so that a team's other tools stay pinned beside it. Pure: text in, text out.
/// </summary>
public static class ToolManifest
{
    public const string ToolId = "deployments";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2, NewLine = "\n" };

    /// <summary>
    /// The manifest with <see cref="ToolId"/> pinned to <paramref name="version"/>: the same text when it already is;
    /// <paramref name="onlyAdds"/> when no entry of ours was there (nothing of the team's changes). Null when the text
    /// is not a manifest (then it is a file like any other: left, or overwritten with <c>--force</c>).
    /// </summary>
    public static string? Pin(string existing, string version, out bool onlyAdds)
    {
        onlyAdds = false;
        JsonObject? root;
        try { root = JsonNode.Parse(existing, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject; }
        catch (JsonException) { return null; }
        if (root is null || root["tools"] is not (null or JsonObject)) return null;
        var tools = root["tools"] as JsonObject ?? [];
        var ours = tools.FirstOrDefault(t => string.Equals(t.Key, ToolId, StringComparison.OrdinalIgnoreCase));
        if (ours.Value is JsonObject entry && entry["version"] is JsonValue pinned && pinned.TryGetValue<string>(out var current) && current == version)
            return existing;
        onlyAdds = ours.Key is null;
        if (ours.Key is not null) tools.Remove(ours.Key);
        tools[ToolId] = new JsonObject { ["version"] = version, ["commands"] = new JsonArray(ToolId), ["rollForward"] = false };
        root["tools"] ??= tools;
        return root.ToJsonString(Indented) + "\n";
    }
}
