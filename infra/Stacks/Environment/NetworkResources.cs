using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// A new VPC through awsx (public and private subnets per AZ, NAT by config), or the IDs of an existing one.
/// awsx schema: https://www.pulumi.com/registry/packages/awsx/api-docs/ec2/vpc/
/// </summary>
public static class NetworkResources
{
    public static Network Add(PulumiTemplate template, NetworkSettings settings)
    {
        if (settings.UsesExistingVpc)
        {
            template.AddVariable(LogicalNames.VpcCidrLookup, Fn.Invoke("aws:ec2:getVpc", new Props { ["id"] = settings.ExistingVpcId! }, "cidrBlock"));
            return new Network(settings.ExistingVpcId!, settings.PublicSubnetIds.ToList(), settings.PrivateSubnetIds.ToList(),
                Expr.Ref(LogicalNames.VpcCidrLookup));
        }

        var vpc = template.Add(new TemplateResource(LogicalNames.Vpc, "awsx:ec2:Vpc", new Props
        {
            ["cidrBlock"] = settings.VpcCidr,
            ["numberOfAvailabilityZones"] = settings.AvailabilityZones,
            ["natGateways"] = new Props { ["strategy"] = settings.NatGateways },
            ["enableDnsHostnames"] = true,
            ["enableDnsSupport"] = true,
        }, new ResourceOptions
        {
            Version = ProviderVersions.Awsx,
            // A component's children do not see a YAML default provider unless it is passed on.
            Providers = new Dictionary<string, string> { ["aws"] = LogicalNames.Provider },
        }));
        return new Network(vpc.Out("vpcId"), vpc.Out("publicSubnetIds"), vpc.Out("privateSubnetIds"), settings.VpcCidr);
    }
}
