using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>
/// Security groups: the ALB accepts HTTP(S) from anywhere; app and preview tasks accept only the container port
/// and only from the ALB's group. Task groups have no inline egress: <see cref="TaskEgress"/> adds their outbound
/// rules as separate resources (the provider removes the default allow-all rule of a group it creates).
/// </summary>
public static class SecurityGroups
{
    public static TemplateResource AddAlb(PulumiTemplate template, string name, object vpcId, string logicalName = LogicalNames.AlbSecurityGroup) =>
        template.Add(new TemplateResource(logicalName, "aws:ec2:SecurityGroup", new Props
        {
            ["name"] = name,
            ["description"] = "Load balancer: HTTP and HTTPS from anywhere",
            ["vpcId"] = vpcId,
            ["ingress"] = new[] { Anywhere(80, "HTTP"), Anywhere(443, "HTTPS") },
            ["egress"] = new[] { AllEgress() },
        }));

    public static TemplateResource AddFromAlb(PulumiTemplate template, string logicalName, string name, string description,
        object vpcId, int port, object albSecurityGroupId) =>
        template.Add(new TemplateResource(logicalName, "aws:ec2:SecurityGroup", new Props
        {
            ["name"] = name,
            ["description"] = description,
            ["vpcId"] = vpcId,
            ["ingress"] = new[]
            {
                new Props
                {
                    ["description"] = "Container port, from the load balancer only",
                    ["protocol"] = "tcp",
                    ["fromPort"] = port,
                    ["toPort"] = port,
                    ["securityGroups"] = new[] { albSecurityGroupId },
                },
            },
        }));

    private static Props Anywhere(int port, string what) => new()
    {
        ["description"] = $"{what} from anywhere",
        ["protocol"] = "tcp",
        ["fromPort"] = port,
        ["toPort"] = port,
        ["cidrBlocks"] = new[] { "0.0.0.0/0" },
        ["ipv6CidrBlocks"] = new[] { "::/0" },
    };

    private static Props AllEgress() => new()
    {
        ["description"] = "All outbound",
        ["protocol"] = "-1",
        ["fromPort"] = 0,
        ["toPort"] = 0,
        ["cidrBlocks"] = new[] { "0.0.0.0/0" },
    };
}
