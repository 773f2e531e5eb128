using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// ARNs and ARN patterns for IAM policies, built from names (never written by hand) with the stack's partition
/// and account lookups. Formats: each service's "Resource types" table in the Service Authorization Reference,
/// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html.
/// In a pattern <c>*</c> matches any run of characters (including '/' and ':') and <c>?</c> one character.
/// </summary>
public sealed class AwsArns(string region)
{
    /// <summary><c>arn:${partition}:service:region:${account}:resource</c>.</summary>
    public Expr Regional(string service, params object[] resource) =>
        Expr.Interpolate([$"arn:", Expr.Ref(Policies.PartitionVariable), $":{service}:{region}:", Expr.Ref(Policies.AccountVariable), ":", .. resource]);

    /// <summary>IAM is global: no region (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html).</summary>
    public static Expr Iam(string resource) =>
        Expr.Interpolate("arn:", Expr.Ref(Policies.PartitionVariable), ":iam::", Expr.Ref(Policies.AccountVariable), ":" + resource);

    /// <summary>S3 objects and buckets have neither region nor account (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html).</summary>
    public static Expr S3(string resource) => Expr.Interpolate("arn:", Expr.Ref(Policies.PartitionVariable), ":s3:::" + resource);

    /// <summary>Route 53 hosted zones have neither region nor account (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonroute53.html).</summary>
    public static Expr HostedZone(string hostedZoneId) => Expr.Interpolate("arn:", Expr.Ref(Policies.PartitionVariable), $":route53:::hostedzone/{hostedZoneId}");

    public Expr EcsService(string cluster, string service) => Regional("ecs", $"service/{cluster}/{service}");
    public Expr EcsServiceDeployment(string cluster, string service) => Regional("ecs", $"service-deployment/{cluster}/{service}/*");
    public Expr EcsTaskDefinition(string family) => Regional("ecs", $"task-definition/{family}:*");
    public Expr EcsTask(string cluster) => Regional("ecs", $"task/{cluster}/*");
    public Expr EcsCluster(string cluster) => Regional("ecs", $"cluster/{cluster}");
    public Expr TargetGroup(string name) => Regional("elasticloadbalancing", $"targetgroup/{name}/*");
    public Expr LoadBalancer(string name) => Regional("elasticloadbalancing", $"loadbalancer/app/{name}/*");
    public Expr Listener(string loadBalancer) => Regional("elasticloadbalancing", $"listener/app/{loadBalancer}/*");
    public Expr ListenerRule(string loadBalancer) => Regional("elasticloadbalancing", $"listener-rule/app/{loadBalancer}/*");
    /// <summary>A log group and its streams: the group ARN, and the same followed by <c>:*</c>.</summary>
    public Expr LogGroup(string name) => Regional("logs", $"log-group:{name}");
    public Expr Repository(string name) => Regional("ecr", $"repository/{name}");
    public Expr SecurityGroup() => Regional("ec2", "security-group/*");
    /// <summary>Rules have ARNs of their own (security-group-rule/sgr-…), named in the same requests as their group.</summary>
    public Expr SecurityGroupRule() => Regional("ec2", "security-group-rule/*");
    public Expr Vpc(object vpcId) => Regional("ec2", "vpc/", vpcId);
    public Expr DbInstance(string identifier) => Regional("rds", $"db:{identifier}");
    public Expr DbSubnetGroup(string name) => Regional("rds", $"subgrp:{name}");
    /// <summary>Scalable-target ARNs end in a random ID, never the service's name (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html).</summary>
    public Expr ScalableTarget() => Regional("application-autoscaling", "scalable-target/*");
    public Expr Secret(string name) => Regional("secretsmanager", $"secret:{name}");
    public static Expr Role(string name) => Iam($"role/{name}");
    public static Expr Policy(string name) => Iam($"policy/{name}");
}
