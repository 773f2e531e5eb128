using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>
/// The outbound rules of a task security group (app and migration tasks share it), one
/// <c>aws:vpc:SecurityGroupEgressRule</c> each: HTTPS anywhere (ECR, the AWS APIs, the app's own calls), DNS to the
/// VPC's CIDR, the database port to the database security group only, and the configured extra rules — or, with
/// <c>taskEgressOpen</c>, everything. Separate rule resources, because the database rule names the database's group,
/// whose ingress names this group: inline rules on both would be a cycle. The Amazon-provided DNS resolver (VPC base
/// + 2, 169.254.169.253) and the ECS metadata and time endpoints are not filtered by security groups at all
/// (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html); the DNS rule covers resolvers that
/// live inside the VPC. A sidecar database is reached on localhost and needs no rule.
/// </summary>
public static class TaskEgress
{
    public const int HttpsPort = 443;
    public const int DnsPort = 53;
    public const string Anywhere = "0.0.0.0/0";

    public static void Add(PulumiTemplate template, TemplateResource securityGroup, EgressSettings settings, object vpcCidr,
        object? databaseSecurityGroupId)
    {
        var sg = securityGroup.Out("id");
        if (settings.Open)
        {
            template.Add(Rule(securityGroup.Name, "all", sg, "All outbound (taskEgressOpen)", new Props { ["ipProtocol"] = "-1", ["cidrIpv4"] = Anywhere }));
            return;
        }
        template.Add(Rule(securityGroup.Name, "https", sg, "HTTPS anywhere: ECR, AWS APIs, the app calls", Ports("tcp", HttpsPort, HttpsPort, Anywhere)));
        template.Add(Rule(securityGroup.Name, "dns-udp", sg, "DNS to resolvers in the VPC", Ports("udp", DnsPort, DnsPort, vpcCidr)));
        template.Add(Rule(securityGroup.Name, "dns-tcp", sg, "DNS over TCP to resolvers in the VPC", Ports("tcp", DnsPort, DnsPort, vpcCidr)));
        if (databaseSecurityGroupId is not null)
        {
            template.Add(Rule(securityGroup.Name, "database", sg, "PostgreSQL, to the database security group only", new Props
            {
                ["ipProtocol"] = "tcp",
                ["fromPort"] = DatabaseResources.Port,
                ["toPort"] = DatabaseResources.Port,
                ["referencedSecurityGroupId"] = databaseSecurityGroupId,
            }));
        }
        foreach (var extra in settings.ExtraRules)
        {
            var ports = extra.FromPort == extra.ToPort ? $"{extra.FromPort}" : $"{extra.FromPort}-{extra.ToPort}";
            // Named by content, so reordering the config list changes nothing.
            var suffix = $"{extra.Protocol}-{ports}-{extra.Cidr.Replace('.', '-').Replace('/', '-')}";
            template.Add(Rule(securityGroup.Name, suffix, sg, $"Configured: {extra}", Ports(extra.Protocol, extra.FromPort, extra.ToPort, extra.Cidr)));
        }
    }

    private static Props Ports(string protocol, int from, int to, object cidr) => new()
    {
        ["ipProtocol"] = protocol,
        ["fromPort"] = from,
        ["toPort"] = to,
        ["cidrIpv4"] = cidr,
    };

    private static TemplateResource Rule(string securityGroupName, string suffix, object securityGroupId, string description, Props rule)
    {
        var props = new Props { ["securityGroupId"] = securityGroupId, ["description"] = description };
        foreach (var (key, value) in rule) props[key] = value;
        return new TemplateResource($"{securityGroupName}-egress-{suffix}", "aws:vpc:SecurityGroupEgressRule", props);
    }
}
