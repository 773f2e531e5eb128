using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>Target groups and listener rules: how the shared ALB reaches a service.</summary>
public static class Routing
{
    public static TemplateResource AddTargetGroup(PulumiTemplate template, string name, int port, object vpcId,
        string healthCheckPath, int deregistrationDelaySeconds, string logicalName = LogicalNames.TargetGroup) =>
        template.Add(new TemplateResource(logicalName, "aws:lb:TargetGroup", new Props
        {
            ["name"] = name,
            ["port"] = port,
            ["protocol"] = "HTTP",
            ["targetType"] = "ip",
            ["vpcId"] = vpcId,
            ["deregistrationDelay"] = deregistrationDelaySeconds,
            ["healthCheck"] = new Props
            {
                ["enabled"] = true,
                ["path"] = healthCheckPath,
                ["protocol"] = "HTTP",
                ["matcher"] = "200-399",
                ["interval"] = 15,
                ["timeout"] = 5,
                ["healthyThreshold"] = 2,
                ["unhealthyThreshold"] = 3,
            },
        }));

    /// <summary>A forward rule; <paramref name="condition"/> is a host-header or path-pattern condition.</summary>
    /// <remarks>
    /// <paramref name="trafficOwnedByEcs"/>: in a blue/green, canary or linear release ECS rewrites the rule's forward
    /// action (weights, then the other target group), so Pulumi must not put the original target group back on the
    /// next update (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-how-it-works.html).
    /// </remarks>
    public static TemplateResource AddListenerRule(PulumiTemplate template, object listenerArn, int priority,
        TemplateResourceRef targetGroup, Props condition, string logicalName = LogicalNames.ListenerRule,
        Props? extraCondition = null, bool trafficOwnedByEcs = false) =>
        template.Add(new TemplateResource(logicalName, "aws:lb:ListenerRule", new Props
        {
            ["listenerArn"] = listenerArn,
            ["priority"] = priority,
            ["actions"] = new[] { new Props { ["type"] = "forward", ["targetGroupArn"] = targetGroup.Out("arn") } },
            ["conditions"] = extraCondition is null ? new[] { condition } : new[] { condition, extraCondition },
        }, new ResourceOptions { IgnoreChanges = trafficOwnedByEcs ? ["actions"] : [] }));

    /// <summary>An http-header condition (exact value; the ALB compares header values case-insensitively).</summary>
    public static Props HeaderCondition(string name, object value) =>
        new() { ["httpHeader"] = new Props { ["httpHeaderName"] = name, ["values"] = new[] { value } } };

    public static Props HostCondition(object host) =>
        new() { ["hostHeader"] = new Props { ["values"] = new[] { host } } };

    public static Props PathCondition(string pattern) =>
        new() { ["pathPattern"] = new Props { ["values"] = new[] { pattern } } };
}
