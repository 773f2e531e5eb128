using System.Text.Json.Nodes;

namespace Deployments.Deployer.Tests.TestSupport;

/// <summary>Partial JSON matching for request bodies: every expected member must be there and equal.</summary>
public static class TestJson
{
    public static void ShouldMatch(JsonNode actual, string expected)
    {
        var want = JsonNode.Parse(expected)!.AsObject();
        foreach (var (key, value) in want)
            JsonNode.DeepEquals(actual[key], value).ShouldBeTrue($"{key}: expected {value?.ToJsonString()}, got {actual[key]?.ToJsonString()}");
    }
}
