using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>Target groups and listener rules: how the shared ALB reaches a service.</summary>
public static class Routing
{
    public static TemplateResource AddTargetGroup(PulumiTemplate template, string name, int port, object vpcId,
        string healthCheckPath, int deregistrationDelaySeconds) =>
        template.Add(new TemplateResource(LogicalNames.TargetGroup, "aws:lb:TargetGroup", new Props
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
    public static TemplateResource AddListenerRule(PulumiTemplate template, object listenerArn, int priority,
        TemplateResourceRef targetGroup, Props condition) =>
        template.Add(new TemplateResource(LogicalNames.ListenerRule, "aws:lb:ListenerRule", new Props
        {
            ["listenerArn"] = listenerArn,
            ["priority"] = priority,
            ["actions"] = new[] { new Props { ["type"] = "forward", ["targetGroupArn"] = targetGroup.Out("arn") } },
            ["conditions"] = new[] { condition },
        }));

    public static Props HostCondition(object host) =>
        new() { ["hostHeader"] = new Props { ["values"] = new[] { host } } };

    public static Props PathCondition(string pattern) =>
        new() { ["pathPattern"] = new Props { ["values"] = new[] { pattern } } };
}
