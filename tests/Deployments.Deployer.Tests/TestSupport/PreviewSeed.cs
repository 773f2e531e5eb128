using System.Globalization;
using System.Text.Json.Nodes;

namespace Deployments.Deployer.Tests.TestSupport;

/// <summary>
/// Writes preview stacks straight into the fake backend's state files (the shape tests/FakePulumi/Backend.cs keeps),
/// as if each had been deployed once: many previews in milliseconds instead of a deploy each. Only the CLI's state is
/// made up; everything the deployer then does goes through the fake <c>pulumi</c>.
/// </summary>
public static class PreviewSeed
{
    /// <summary>Stack <c>preview-&lt;name&gt;</c>, last updated at <paramref name="updated"/> (null: created, never
    /// updated), its newest history entry holding the config a deploy records, and <paramref name="resources"/> resources.</summary>
    public static string Write(FakeCloud cloud, string name, DateTimeOffset? updated, int resources = 3)
    {
        var stack = $"preview-{name}";
        var state = new JsonObject { ["resources"] = new JsonObject(), ["outputs"] = new JsonObject(), ["history"] = new JsonArray() };
        if (updated is { } time)
        {
            string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            JsonObject Value(string v) => new() { ["value"] = v, ["secret"] = false };
            var p = cloud.ProjectName;
            state["resources"] = new JsonObject(Enumerable.Range(0, resources).Select(i =>
                KeyValuePair.Create($"resource{i}", (JsonNode?)new JsonObject { ["type"] = "aws:cloudwatch:LogGroup", ["properties"] = new JsonObject() })));
            state["history"] = new JsonArray(new JsonObject
            {
                ["version"] = 0, ["kind"] = "update", ["startTime"] = Stamp(time.AddSeconds(-30)), ["message"] = "", ["environment"] = new JsonObject(),
                ["config"] = new JsonObject
                {
                    [$"{p}:branch"] = Value(name), [$"{p}:host"] = Value($"{name}.preview.example.com"), [$"{p}:imageTag"] = Value($"tag-{name}"),
                    [$"{p}:kind"] = Value("preview"),
                },
                ["result"] = "succeeded", ["endTime"] = Stamp(time), ["resourceChanges"] = new JsonObject { ["create"] = resources },
            });
            state["lastUpdate"] = Stamp(time);
        }
        var dir = Path.Combine(cloud.State, ".pulumi", "stacks", cloud.ProjectName);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, stack + ".json"), state.ToJsonString());
        return stack;
    }

    /// <summary>
    /// Stack <c>preview-&lt;name&gt;</c> deployed onto a load balancer: a target group and a host rule on
    /// <paramref name="listenerArn"/> (what the fake pulumi counts against the ALB quotas), and a newest history entry
    /// recording <paramref name="parentStack"/> and <paramref name="shard"/> (what the deployer's placement reads).
    /// </summary>
    /// <para><paramref name="tagged"/>: also the stack tags a deploy of this version sets (<see cref="Tag"/>); untagged, it is a
    /// preview deployed before tags.</para>
    public static string WriteOnShard(FakeCloud cloud, string name, string listenerArn, int shard, int priority, string parentStack = "staging", bool tagged = false)
    {
        var stack = $"preview-{name}";
        var p = cloud.ProjectName;
        JsonObject Value(string v) => new() { ["value"] = v, ["secret"] = false };
        var stamp = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var config = new JsonObject
        {
            [$"{p}:branch"] = Value(name), [$"{p}:kind"] = Value("preview"), [$"{p}:parentStack"] = Value(parentStack),
            [$"{p}:host"] = Value($"{name}.preview.shop.example.com"), [$"{p}:imageTag"] = Value("seeded"),
        };
        if (shard > 0) config[$"{p}:loadBalancerShard"] = Value(shard.ToString(CultureInfo.InvariantCulture));
        var state = new JsonObject
        {
            ["resources"] = new JsonObject
            {
                ["target-group"] = new JsonObject { ["type"] = "aws:lb:TargetGroup", ["properties"] = new JsonObject { ["name"] = $"shop-pv-{name}" } },
                ["listener-rule"] = new JsonObject
                {
                    ["type"] = "aws:lb:ListenerRule",
                    ["properties"] = new JsonObject
                    {
                        ["listenerArn"] = listenerArn, ["priority"] = priority,
                        ["actions"] = new JsonArray(new JsonObject { ["type"] = "forward", ["targetGroupArn"] = $"fake:{stack}:target-group.arn" }),
                    },
                },
            },
            ["outputs"] = new JsonObject(),
            ["history"] = new JsonArray(new JsonObject
            {
                ["version"] = 0, ["kind"] = "update", ["startTime"] = stamp, ["message"] = "", ["environment"] = new JsonObject(),
                ["config"] = config, ["result"] = "succeeded", ["endTime"] = stamp, ["resourceChanges"] = new JsonObject { ["create"] = 2 },
            }),
            ["lastUpdate"] = stamp,
        };
        var dir = Path.Combine(cloud.State, ".pulumi", "stacks", cloud.ProjectName);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, stack + ".json"), state.ToJsonString());
        if (tagged) Tag(cloud, stack, Deployer.Previews.PreviewTags.For(parentStack, shard, null));
        return stack;
    }

    /// <summary>
    /// Writes <paramref name="stack"/>'s tags file where and as a DIY backend keeps it since Pulumi v3.211.0:
    /// <c>.pulumi/stacks/&lt;project&gt;/&lt;stack&gt;.pulumi-tags</c>, <c>{"version": 1, "tags": {…}}</c>
    /// (https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/stack_tags.go).
    /// </summary>
    public static void Tag(FakeCloud cloud, string stack, IEnumerable<KeyValuePair<string, string>> tags) =>
        File.WriteAllText(Path.Combine(cloud.State, ".pulumi", "stacks", cloud.ProjectName, stack + ".pulumi-tags"), new JsonObject
        {
            ["version"] = 1, ["tags"] = new JsonObject(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
        }.ToJsonString());

    /// <summary>The stack's tags file as the fake (like a DIY backend) keeps it, or null when it has none.</summary>
    public static JsonObject? Tags(FakeCloud cloud, string stack) =>
        Path.Combine(cloud.State, ".pulumi", "stacks", cloud.ProjectName, stack + ".pulumi-tags") is var path && File.Exists(path)
            ? JsonNode.Parse(File.ReadAllText(path))!["tags"]!.AsObject() : null;

    /// <summary>A foreign lock on <paramref name="stack"/>, as a crashed or running <c>pulumi</c> leaves it
    /// (https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/lock.go).</summary>
    public static void Lock(FakeCloud cloud, string stack, DateTimeOffset since)
    {
        Directory.CreateDirectory(cloud.LockDirectory(stack));
        File.WriteAllText(Path.Combine(cloud.LockDirectory(stack), Guid.NewGuid() + ".json"), new JsonObject
        {
            ["pid"] = 4242, ["username"] = "ci", ["hostname"] = "runner",
            ["timestamp"] = since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        }.ToJsonString());
    }

    /// <summary>The most invocations recorded in FAKE_PULUMI_SPANS's file that ran at the same time.</summary>
    public static int MaxConcurrent(string spansFile)
    {
        var events = File.ReadAllLines(spansFile).Select(l => l.Split(' ')).Select(f => (Ticks: long.Parse(f[1], CultureInfo.InvariantCulture), Delta: f[0] == "start" ? 1 : -1))
            .OrderBy(e => e.Ticks).ThenBy(e => e.Delta);
        int running = 0, max = 0;
        foreach (var (_, delta) in events) max = Math.Max(max, running += delta);
        return max;
    }
}
