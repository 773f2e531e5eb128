using System.Text.Json.Nodes;

namespace FakePulumi;

/// <summary>
/// The Application Load Balancer quotas AWS enforces when a listener rule is created, across every stack of the backend
/// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html): at most 100 rules per
/// load balancer (default rules not counted) and at most 100 unique target groups associated with it, through its
/// rules' and listeners' forward actions. A listener's load balancer is its <c>loadBalancerArn</c>; a listener's ARN is
/// the fake value this engine gives <c>${listener.arn}</c>. The error texts are AWS's, as the provider reports them.
/// </summary>
public static class AlbQuotas
{
    public const int Rules = 100, TargetGroups = 100;

    /// <summary>AWS's error for creating <paramref name="rule"/> (<paramref name="ruleName"/>) in <paramref name="stack"/>, whose
    /// resources so far are <paramref name="current"/>, beside every other stack of <paramref name="backend"/>; null when it fits.</summary>
    public static string? Check(Backend backend, string stack, IReadOnlyDictionary<string, JsonNode> current, string ruleName, JsonNode rule)
    {
        var resources = backend.Stacks().Where(s => s != stack)
            .SelectMany(s => (backend.Load(s)["resources"] as JsonObject ?? []).Select(r => (Stack: s, Name: r.Key, Node: r.Value!)))
            .Concat(current.Where(c => c.Key != ruleName).Select(c => (Stack: stack, Name: c.Key, Node: c.Value)))
            .ToList();
        var listeners = resources.Where(r => Type(r.Node) == "aws:lb:Listener")
            .ToDictionary(r => $"fake:{r.Stack}:{r.Name}.arn", r => Text(r.Node["properties"]?["loadBalancerArn"]), StringComparer.Ordinal);
        var loadBalancer = listeners.GetValueOrDefault(Text(rule["properties"]?["listenerArn"]) ?? "");
        if (loadBalancer is null) return null;
        var rulesThere = resources.Where(r => Type(r.Node) == "aws:lb:ListenerRule" && listeners.GetValueOrDefault(Text(r.Node["properties"]?["listenerArn"]) ?? "") == loadBalancer).ToList();
        var prefix = "creating ELBv2 Listener Rule: operation error Elastic Load Balancing v2: CreateRule, https response error StatusCode: 400, RequestID: "
            + Guid.NewGuid() + ", ";
        if (rulesThere.Count >= Rules)
            return prefix + $"TooManyRules: The maximum number of rules on load balancer {loadBalancer} has been reached";
        var groups = rulesThere.SelectMany(r => Forwards(r.Node)).Concat(resources.Where(r => Type(r.Node) == "aws:lb:Listener"
                && Text(r.Node["properties"]?["loadBalancerArn"]) == loadBalancer).SelectMany(r => Forwards(r.Node, "defaultActions")))
            .ToHashSet(StringComparer.Ordinal);
        if (Forwards(rule).Any(g => !groups.Contains(g)) && groups.Count >= TargetGroups)
            return prefix + "TooManyUniqueTargetGroupsPerLoadBalancer: You have reached the maximum number of unique target groups that you can associate with a load balancer of type 'application': [100]";
        return null;
    }

    private static IEnumerable<string> Forwards(JsonNode resource, string member = "actions") =>
        (resource["properties"]?[member] as JsonArray ?? []).Select(a => Text(a?["targetGroupArn"])).OfType<string>();

    private static string? Type(JsonNode node) => Text(node["type"]);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
