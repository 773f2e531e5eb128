using Deployments.Infra.Naming;
using Deployments.Infra.Template;
using static Deployments.Infra.Stacks.Environment.PolicyStatements;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// What <c>pulumi up</c> of the environment (and the deployer's migrate, verify and rollback) needs, scoped to the
/// environment's own names where the service has resource-level permissions (Service Authorization Reference,
/// https://docs.aws.amazon.com/service-authorization/latest/reference/). VPC resources, auto scaling targets and
/// ACM requests have only IDs, so those statements name "*". This role manages its task role and may attach the
/// configured policies to it, so it can grant itself more: only jobs in the environment's GitHub environment
/// (behind its reviewers) can assume it; keep production in its own account.
/// </summary>
public static class DeployRolePolicy
{
    public static readonly IReadOnlyList<string> UnscopableWrites =
    [
        "ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition", "ecs:CreateCluster", "ecs:TagResource",
        "application-autoscaling:*", "acm:RequestCertificate", "acm:AddTagsToCertificate", "acm:DeleteCertificate",
        "elasticloadbalancing:AddTags",
        "ec2:CreateVpc", "ec2:DeleteVpc", "ec2:ModifyVpcAttribute", "ec2:CreateSubnet", "ec2:DeleteSubnet", "ec2:ModifySubnetAttribute",
        "ec2:CreateInternetGateway", "ec2:DeleteInternetGateway", "ec2:AttachInternetGateway", "ec2:DetachInternetGateway",
        "ec2:CreateRouteTable", "ec2:DeleteRouteTable", "ec2:CreateRoute", "ec2:DeleteRoute", "ec2:ReplaceRoute",
        "ec2:AssociateRouteTable", "ec2:DisassociateRouteTable", "ec2:CreateNatGateway", "ec2:DeleteNatGateway",
        "ec2:AllocateAddress", "ec2:ReleaseAddress", "ec2:DisassociateAddress", "ec2:CreateTags", "ec2:DeleteTags",
        "ec2:CreateSecurityGroup", "ec2:DeleteSecurityGroup", "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
        "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress", "ec2:ModifySecurityGroupRules",
    ];

    public static Props Render(CiPolicyInputs i, string? hostedZoneId)
    {
        var a = i.Arns;
        var n = i.Names;
        var statements = new List<Props>
        {
            Allow("Read", ["ec2:Describe*", "elasticloadbalancing:Describe*", "ecs:Describe*", "ecs:List*", "logs:Describe*", "rds:Describe*",
                "acm:DescribeCertificate", "acm:ListTagsForCertificate", "application-autoscaling:Describe*", "ecr:GetAuthorizationToken",
                "route53:GetChange", "iam:GetOpenIDConnectProvider", "iam:ListOpenIDConnectProviders"], ["*"]),
            Allow("NoResourceLevelPermissions", UnscopableWrites, ["*"]),
            Allow("Ecs", ["ecs:*"], [a.EcsCluster(n.ClusterName), a.EcsService(n.ClusterName, "*"), a.EcsServiceDeployment(n.ClusterName, "*"),
                a.EcsTaskDefinition(n.TaskFamily), a.EcsTaskDefinition(n.MigrationTaskFamily), a.EcsTask(n.ClusterName)]),
            Allow("LoadBalancing", ["elasticloadbalancing:*"], [a.LoadBalancer(n.LoadBalancerName), a.Listener(n.LoadBalancerName),
                a.ListenerRule(n.LoadBalancerName), a.TargetGroup(n.TargetGroupName), .. (i.ShiftsTraffic ? [a.TargetGroup(n.AlternateTargetGroupName)] : Array.Empty<object>())]),
            Allow("Registry", ["ecr:*"], [a.Repository(n.RepositoryName)]),
            // `env promote FROM TO` reads the image another environment of this app runs (its manifest and digest) before
            // putting it into this repository: read only (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_BatchGetImage.html).
            Allow("PromotionSource", ["ecr:BatchGetImage", "ecr:DescribeImages"], [a.Repository($"{i.AppName}-*")]),
            Allow("Logs", ["logs:*"], [a.LogGroup(n.LogGroupName), a.LogGroup(n.LogGroupName + ":*")]),
            Allow("Roles", ["iam:*"], new[] { n.ExecutionRoleName, n.TaskRoleName, n.PreviewTaskRoleName, i.Ci.DeployRoleName, i.Ci.PreviewRoleName, i.Ci.ReviewRoleName, i.Ci.DriftRoleName }
                .Concat(i.ShiftsTraffic ? [n.LoadBalancerRoleName] : [])
                .Select(r => (object)AwsArns.Role(r))
                .Concat([AwsArns.Policy(i.Ci.PreviewBoundaryPolicyName), AwsArns.Iam($"oidc-provider/{GitHubOidc.Host}")]).ToList()),
            Allow("ServiceLinkedRoles", ["iam:CreateServiceLinkedRole"], ["*"], new Props
            {
                ["StringEquals"] = new Props { ["iam:AWSServiceName"] = new[] { "ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com",
                    "rds.amazonaws.com", "ecs.application-autoscaling.amazonaws.com" } },
            }),
            Allow("Database", ["rds:*"], [a.DbInstance(n.DatabaseIdentifier), a.DbSubnetGroup(n.DatabaseSubnetGroupName),
                a.Regional("rds", "pg:default.*"), a.Regional("rds", "og:default:*"), a.Regional("rds", $"snapshot:{n.DatabaseIdentifier}-*")]),
            // The access-logs bucket the stack may create (AccessLogResources): named by its prefix, suffixed by Pulumi.
            Allow("AccessLogsBucket", ["s3:*"], [AwsArns.S3(n.AccessLogsBucketPrefix + "*"), AwsArns.S3(n.AccessLogsBucketPrefix + "*/*")]),
            Allow("ManagedMasterSecret", ["secretsmanager:*"], [a.Secret("rds!db-*")],
                new Props { ["ForAnyValue:StringEquals"] = new Props { ["aws:CalledVia"] = "rds.amazonaws.com" } }),
        };
        if (hostedZoneId is not null)
            statements.Add(Allow("Dns", ["route53:ChangeResourceRecordSets", "route53:GetHostedZone", "route53:ListResourceRecordSets",
                "route53:ListTagsForResource"], [AwsArns.HostedZone(hostedZoneId)]));
        if (i.StateBucket is string bucket)
        {
            var state = new StateObjectNames(i.Project, n.Environment);
            statements.Add(Allow("ListState", ["s3:ListBucket"], [AwsArns.S3(bucket)],
                new Props { ["StringLike"] = new Props { ["s3:prefix"] = new[] { StateObjectNames.Root + "*" } } }));
            statements.Add(Allow("ReadMeta", ["s3:GetObject", "s3:PutObject"], [AwsArns.S3($"{bucket}/{StateObjectNames.Meta}")]));
            statements.Add(Allow("OwnState", ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                state.Writable.Select(key => (object)AwsArns.S3($"{bucket}/{key}")).ToList()));
        }
        return Policies.Document(statements);
    }
}
