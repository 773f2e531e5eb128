using Deployments.Infra.Template;
using static Deployments.Infra.Stacks.Environment.PolicyStatements;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// What drift.yml's check of the environment may do: read, nothing else. <c>pulumi refresh --preview-only</c> asks the
/// provider to read every resource in the state and diffs the answers against it; it writes nothing (no checkpoint,
/// history, backup or lock: <see cref="StateReadStatements"/>). So the role gets the environment's state (the review
/// role's statements) and the actions the AWS provider's Read of each resource type the environment stack renders
/// calls — the Terraform AWS provider's resource Read functions, which pulumi-aws bridges
/// (https://github.com/hashicorp/terraform-provider-aws/tree/main/internal/service), named as in the Service Authorization
/// Reference (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
/// The types: awsx's VPC children (VPC, subnets, route tables and routes, internet and NAT gateways, Elastic IPs),
/// security groups and their rules, the ECS cluster, capacity providers, service and task definitions, the load
/// balancers (also preview shards'), listeners, listener certificates, rules and target groups, Application Auto
/// Scaling targets and policies, the log group, the ECR repositories and their lifecycle policies, IAM roles, role
/// policies, attachments, the previews' boundary policy and the OIDC provider, RDS instance and subnet group, ACM
/// certificate, Route 53 records and the access-logs bucket with its configuration.
/// </summary>
/// <remarks>
/// Explicit actions everywhere but load balancing, whose reads are many and return no secret
/// (<c>elasticloadbalancing:Describe*</c>). Left out on purpose, because they return secret material or log contents
/// and no Read of ours needs them: <c>ec2:Describe*</c> (DescribeInstanceAttribute and DescribeLaunchTemplateVersions
/// return user data), <c>ec2:GetPasswordData</c>, <c>ec2:GetConsoleOutput</c>; every <c>ssm:GetParameter*</c> (with the
/// AWS managed <c>aws/ssm</c> key, which any principal of the account may use through SSM, it decrypts every
/// SecureString) and <c>secretsmanager:GetSecretValue</c> (the database's managed master secret is read by ARN only);
/// <c>kms:Decrypt</c> (the state's secrets use the passphrase provider); <c>s3:GetObject</c> outside the state objects
/// (the access-logs bucket is read for its configuration only, <c>s3:GetBucket*</c>-style actions, never its objects);
/// <c>logs:GetLogEvents</c>, <c>logs:FilterLogEvents</c>, <c>logs:StartQuery</c> (log contents);
/// <c>rds:DownloadDBLogFilePortion</c>; <c>acm:ExportCertificate</c> (a private key); <c>ecr:GetAuthorizationToken</c>,
/// <c>ecr:BatchGetImage</c> and <c>ecr:GetDownloadUrlForLayer</c> (image contents). No write action and no
/// <c>iam:PassRole</c>. With <c>build</c>, the image resource (docker-build) reads its registry with the credentials
/// its state holds, not with this role.
/// </remarks>
public static class DriftRolePolicy
{
    /// <summary>The provider's reads that take no resource-level permission or that the stack's names cannot scope usefully.</summary>
    public static readonly IReadOnlyList<string> ReadActions =
    [
        // aws_vpc, aws_subnet, aws_route_table(_association), aws_route, aws_internet_gateway, aws_nat_gateway, aws_eip,
        // aws_security_group, aws_vpc_security_group_egress_rule.
        "ec2:DescribeVpcs", "ec2:DescribeVpcAttribute", "ec2:DescribeSubnets", "ec2:DescribeRouteTables", "ec2:DescribeNetworkAcls",
        "ec2:DescribeInternetGateways", "ec2:DescribeNatGateways", "ec2:DescribeAddresses", "ec2:DescribeAddressesAttribute",
        "ec2:DescribeSecurityGroups", "ec2:DescribeSecurityGroupRules", "ec2:DescribeTags",
        // aws_ecs_cluster, aws_ecs_cluster_capacity_providers, aws_ecs_service, aws_ecs_task_definition.
        "ecs:DescribeClusters", "ecs:DescribeServices", "ecs:DescribeTaskDefinition", "ecs:ListTagsForResource",
        // aws_lb, aws_lb_listener, aws_lb_listener_certificate, aws_lb_listener_rule, aws_lb_target_group (and their attributes, tags).
        "elasticloadbalancing:Describe*",
        // aws_appautoscaling_target, aws_appautoscaling_policy.
        "application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScalingPolicies",
        "application-autoscaling:ListTagsForResource",
        // aws_cloudwatch_log_group: its settings and tags, never its events.
        "logs:DescribeLogGroups", "logs:ListTagsForResource", "logs:ListTagsLogGroup",
        // aws_ecr_repository, aws_ecr_lifecycle_policy.
        "ecr:DescribeRepositories", "ecr:ListTagsForResource", "ecr:GetLifecyclePolicy",
        // aws_iam_role (with its inline and attached policies), aws_iam_role_policy, aws_iam_role_policy_attachment,
        // aws_iam_policy, aws_iam_openid_connect_provider.
        "iam:GetRole", "iam:ListRoleTags", "iam:ListRolePolicies", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies",
        "iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyTags", "iam:GetOpenIDConnectProvider",
        // aws_db_instance, aws_db_subnet_group.
        "rds:DescribeDBInstances", "rds:DescribeDBSubnetGroups", "rds:ListTagsForResource",
        // aws_acm_certificate, aws_acm_certificate_validation.
        "acm:DescribeCertificate", "acm:ListTagsForCertificate",
    ];

    /// <summary>
    /// aws_s3_bucket and its configuration resources (public access block, encryption, lifecycle, policy): the bucket's
    /// settings, never an object. HeadBucket needs <c>s3:ListBucket</c>, which lists keys, not contents.
    /// </summary>
    public static readonly IReadOnlyList<string> BucketReadActions =
    [
        "s3:ListBucket", "s3:GetBucketLocation", "s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketWebsite",
        "s3:GetBucketVersioning", "s3:GetAccelerateConfiguration", "s3:GetBucketRequestPayment", "s3:GetBucketLogging",
        "s3:GetLifecycleConfiguration", "s3:GetReplicationConfiguration", "s3:GetEncryptionConfiguration",
        "s3:GetBucketObjectLockConfiguration", "s3:GetBucketTagging", "s3:GetBucketPublicAccessBlock",
    ];

    /// <summary>aws_route53_record: the record sets of the environment's zone, and the zone itself.</summary>
    public static readonly IReadOnlyList<string> DnsReadActions = ["route53:GetHostedZone", "route53:ListResourceRecordSets"];

    public static Props Render(CiPolicyInputs i, string? hostedZoneId)
    {
        var statements = new List<Props> { Allow("Read", ReadActions, ["*"]) };
        if (i.CreatesAccessLogsBucket)
            statements.Add(Allow("ReadAccessLogsBucket", BucketReadActions, [AwsArns.S3(i.Names.AccessLogsBucketPrefix + "*")]));
        if (hostedZoneId is not null)
            statements.Add(Allow("ReadDns", DnsReadActions, [AwsArns.HostedZone(hostedZoneId)]));
        if (i.StateBucket is string bucket) statements.AddRange(StateReadStatements.For(bucket, i.Project, i.Names.Environment));
        return Policies.Document(statements);
    }
}
