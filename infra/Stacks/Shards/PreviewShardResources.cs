using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Stacks.Environment;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Shards;

/// <summary>
/// The load balancers an environment's previews are spread over when its <c>previewCapacity</c> needs more than its
/// own (<see cref="PreviewShardLayout"/>): shards 1…N−1 each get an ALB in the public subnets with its own security
/// group, HTTP redirecting to HTTPS and an HTTPS listener with the preview wildcard certificate and a fixed 404 default
/// action, and the output <see cref="OutputNames.PreviewShards"/> lists every shard (0 is the environment's own) for
/// the previews (through their StackReference) and the deployer (placement). The default layout, one shard, adds
/// nothing: the template is the one every environment had before shards.
/// </summary>
public static class PreviewShardResources
{
    public static void Add(PulumiTemplate template, EnvironmentSettings settings, EnvironmentNames names, Network network,
        TemplateResource alb, TemplateResource listener, TemplateResource albSecurityGroup, object? previewCertificate,
        AccessLogResources.Result? accessLogs)
    {
        var layout = PreviewShardLayout.For(settings.PreviewCapacity);
        if (layout.Count == 1) return;
        // The reader refuses more than one shard without previewDomain (so without the wildcard certificate and zone).
        var certificate = previewCertificate ?? throw new InvalidOperationException("preview shards need the preview wildcard certificate");
        var shardNames = ShardNames.For(names);
        var shards = new List<Props> { Entry(alb, listener, albSecurityGroup, layout.Rooms[0]) };
        for (var shard = 1; shard < layout.Count; shard++)
        {
            var securityGroup = SecurityGroups.AddAlb(template, shardNames.SecurityGroupName(shard), network.VpcId,
                LogicalNames.PreviewShard(shard, LogicalNames.AlbSecurityGroup));
            var (shardAlb, shardListener) = LoadBalancerResources.AddShard(template, shard, shardNames.LoadBalancerName(shard), network,
                securityGroup, settings.Protect, certificate, accessLogs);
            shards.Add(Entry(shardAlb, shardListener, securityGroup, layout.Rooms[shard]));
        }
        template.AddOutput(OutputNames.PreviewShards, new Props
        {
            [PreviewShardKeys.Capacity] = layout.Capacity,
            [PreviewShardKeys.HostedZoneId] = settings.Dns!.HostedZoneId,
            [PreviewShardKeys.Shards] = shards,
        });
    }

    private static Props Entry(TemplateResource alb, TemplateResource listener, TemplateResource securityGroup, int room) => new()
    {
        [PreviewShardKeys.LoadBalancerArn] = alb.Out("arn"),
        [PreviewShardKeys.ListenerArn] = listener.Out("arn"),
        [PreviewShardKeys.SecurityGroupId] = securityGroup.Out("id"),
        [PreviewShardKeys.DnsName] = alb.Out("dnsName"),
        [PreviewShardKeys.ZoneId] = alb.Out("zoneId"),
        [PreviewShardKeys.Room] = room,
    };
}
