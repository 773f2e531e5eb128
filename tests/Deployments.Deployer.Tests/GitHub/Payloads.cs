using System.Text.Json.Nodes;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary>
/// Webhook payloads in the shape GitHub documents (testdata/github-payloads, written for these tests), and edge
/// cases made from them in a temp directory.
/// </summary>
public static class Payloads
{
    public static string Directory => Path.Combine(RepoRoot.Dir, "tests", "Deployments.Deployer.Tests", "testdata", "github-payloads");

    public static string Path_(string name) => Path.Combine(Directory, $"{name}.json");

    public static JsonObject Load(string name) => JsonNode.Parse(File.ReadAllText(Path_(name)))!.AsObject();

    /// <summary>Writes a changed copy of a real payload to a temp file and returns its path.</summary>
    public static string Crafted(string name, Action<JsonObject> change)
    {
        var payload = Load(name);
        change(payload);
        var path = Path.Combine(Path.GetTempPath(), $"payload-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, payload.ToJsonString());
        return path;
    }

    public static string Raw(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"payload-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return path;
    }
}
