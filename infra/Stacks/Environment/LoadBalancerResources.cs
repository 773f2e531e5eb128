using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// The environment's ALB in public subnets. With a certificate: HTTPS on 443 with a TLS 1.3/1.2 policy and
/// HTTP on 80 redirecting to it; without: HTTP only. The default action is a fixed 404, so only hosts and paths
/// a rule names reach a service (previews cannot catch each other's traffic).
/// </summary>
public static class LoadBalancerResources
{
    /// <summary>AWS's recommended policy for TLS 1.3 with 1.2 fallback (ELB docs, "Security policies").</summary>
    public const string TlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    public static (TemplateResource LoadBalancer, TemplateResource Listener) Add(PulumiTemplate template, string name,
        Network network, TemplateResource albSecurityGroup, bool protect, object? certificateArn, object? extraCertificateArn,
        AccessLogResources.Result? accessLogs)
    {
        var props = new Props
        {
            ["name"] = name,
            ["loadBalancerType"] = "application",
            ["internal"] = false,
            ["securityGroups"] = new[] { albSecurityGroup.Out("id") },
            ["subnets"] = network.PublicSubnetIds,
            ["dropInvalidHeaderFields"] = true,
            ["enableDeletionProtection"] = protect,
            ["idleTimeout"] = 60,
        };
        if (accessLogs is not null) props["accessLogs"] = accessLogs.AccessLogs;
        var alb = template.Add(new TemplateResource(LogicalNames.LoadBalancer, "aws:lb:LoadBalancer", props,
            new ResourceOptions { Protect = protect, DependsOn = accessLogs?.DependsOn ?? [] }));

        if (certificateArn is null)
            return (alb, AddListener(template, LogicalNames.HttpListener, alb, 80, "HTTP", NotFound(), null));

        AddListener(template, LogicalNames.HttpListener, alb, 80, "HTTP", Redirect(), null);
        var https = AddListener(template, LogicalNames.HttpsListener, alb, 443, "HTTPS", NotFound(), certificateArn);
        if (extraCertificateArn is not null)
        {
            template.Add(new TemplateResource(LogicalNames.PreviewListenerCertificate, "aws:lb:ListenerCertificate", new Props
            {
                ["listenerArn"] = https.Out("arn"),
                ["certificateArn"] = extraCertificateArn,
            }));
        }
        return (alb, https);
    }

    /// <summary>
    /// A preview shard's load balancer (<see cref="Shards.PreviewShardResources"/>): the same ALB settings as the
    /// environment's, HTTP redirecting to HTTPS, and HTTPS with the preview wildcard certificate and a fixed 404.
    /// </summary>
    public static (TemplateResource LoadBalancer, TemplateResource Listener) AddShard(PulumiTemplate template, int shard, string name,
        Network network, TemplateResource securityGroup, bool protect, object certificateArn, AccessLogResources.Result? accessLogs)
    {
        var props = new Props
        {
            ["name"] = name,
            ["loadBalancerType"] = "application",
            ["internal"] = false,
            ["securityGroups"] = new[] { securityGroup.Out("id") },
            ["subnets"] = network.PublicSubnetIds,
            ["dropInvalidHeaderFields"] = true,
            ["enableDeletionProtection"] = protect,
            ["idleTimeout"] = 60,
        };
        if (accessLogs is not null) props["accessLogs"] = accessLogs.AccessLogs;
        var alb = template.Add(new TemplateResource(LogicalNames.PreviewShard(shard, LogicalNames.LoadBalancer), "aws:lb:LoadBalancer", props,
            new ResourceOptions { Protect = protect, DependsOn = accessLogs?.DependsOn ?? [] }));
        AddListener(template, LogicalNames.PreviewShard(shard, LogicalNames.HttpListener), alb, 80, "HTTP", Redirect(), null);
        return (alb, AddListener(template, LogicalNames.PreviewShard(shard, LogicalNames.HttpsListener), alb, 443, "HTTPS", NotFound(), certificateArn));
    }

    private static Props Redirect() => new()
    {
        ["type"] = "redirect",
        ["redirect"] = new Props { ["port"] = "443", ["protocol"] = "HTTPS", ["statusCode"] = "HTTP_301" },
    };

    private static TemplateResource AddListener(PulumiTemplate template, string logicalName, TemplateResource alb, int port,
        string protocol, Props defaultAction, object? certificateArn)
    {
        var props = new Props
        {
            ["loadBalancerArn"] = alb.Out("arn"),
            ["port"] = port,
            ["protocol"] = protocol,
        };
        if (certificateArn is not null)
        {
            props["sslPolicy"] = TlsPolicy;
            props["certificateArn"] = certificateArn;
        }
        props["defaultActions"] = new[] { defaultAction };
        return template.Add(new TemplateResource(logicalName, "aws:lb:Listener", props));
    }

    private static Props NotFound() => new()
    {
        ["type"] = "fixed-response",
        ["fixedResponse"] = new Props { ["contentType"] = "text/plain", ["messageBody"] = "Not Found", ["statusCode"] = "404" },
    };
}
