using Deployments.Infra.Stacks.Shards;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Preview;

/// <summary>
/// Which of the parent's preview load balancers a preview is on (config <c>loadBalancerShard</c>). Shard 0 is the
/// environment's own: the listener and security group outputs every preview read before shards, and the parent's
/// <c>*.previewDomain</c> wildcard record, so its template is unchanged. A further shard is read from the parent's
/// <see cref="OutputNames.PreviewShards"/> output, and the preview gets its own alias record to that load balancer
/// (a name more specific than the wildcard, which Route 53 answers first:
/// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DomainNameFormat.html#domain-name-format-asterisk).
/// </summary>
public sealed record PreviewShard(int Index)
{
    public object ListenerArn(Func<string, Expr> parent) => Index == 0 ? parent(OutputNames.ListenerArn) : Member(PreviewShardKeys.ListenerArn);

    public object SecurityGroupId(Func<string, Expr> parent) => Index == 0 ? parent(OutputNames.AlbSecurityGroupId) : Member(PreviewShardKeys.SecurityGroupId);

    public void AddRecord(PulumiTemplate template, object host)
    {
        if (Index == 0) return;
        template.Add(new TemplateResource(LogicalNames.HostRecord, "aws:route53:Record", new Props
        {
            ["zoneId"] = Expr.StackOutput(LogicalNames.Parent, OutputNames.PreviewShards, PreviewShardKeys.HostedZoneId),
            ["name"] = host,
            ["type"] = "A",
            ["aliases"] = new[]
            {
                new Props { ["name"] = Member(PreviewShardKeys.DnsName), ["zoneId"] = Member(PreviewShardKeys.ZoneId), ["evaluateTargetHealth"] = true },
            },
        }));
    }

    private Expr Member(string member) =>
        Expr.StackOutput(LogicalNames.Parent, OutputNames.PreviewShards, PreviewShardKeys.Shards, Index, member);
}
