using Deployments.Infra.Naming;
using Deployments.Infra.Template;
using static Deployments.Infra.Stacks.Environment.PolicyStatements;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// What a pull request's workflow may do: create, update and delete only its previews' resources — named
/// <c>app-pv-*</c>, or tagged <c>deployments:preview</c> where an ARN cannot tell (listener rules, security
/// groups) — on the environment's cluster, listener and VPC, and read the environment's outputs. It cannot modify
/// any environment resource. Actions, resource types and condition keys are those of the Service Authorization
/// Reference (https://docs.aws.amazon.com/service-authorization/latest/reference/): list_amazonelasticcontainerservice.html,
/// list_elasticloadbalancingv2.html, list_amazonec2.html, list_amazoncloudwatchlogs.html,
/// list_awsidentityandaccessmanagementiam.html, list_amazonrds.html, list_amazonelasticcontainerregistry.html, list_amazons3.html.
/// </summary>
/// <remarks>
/// The IAM part is the dangerous one: a role that may create roles and put policies on them is an administrator
/// in disguise (create <c>app-pv-x</c> with <c>*:*</c>, pass it to a task). So every role it creates must carry the
/// environment's preview boundary (condition <c>iam:PermissionsBoundary</c>, which CreateRole, PutRolePolicy,
/// AttachRolePolicy and PutRolePermissionsBoundary support), removing a boundary is denied, and the boundary policy
/// itself cannot be changed.
/// </remarks>
public static class PreviewRolePolicy
{
    /// <summary>Actions that have no resource-level permissions (Resource must be "*"); the tests allow "*" only for these and reads.</summary>
    public static readonly IReadOnlyList<string> UnscopableWrites = ["ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition"];

    public static Props Render(CiPolicyInputs i)
    {
        var a = i.Arns;
        var n = i.Names;
        var pv = i.PreviewNamePattern;
        var tag = StackTags.PreviewKey;
        var statements = new List<Props>
        {
            Allow("Read", ReadActions, ["*"]),
            // RegisterTaskDefinition/DeregisterTaskDefinition take no resource (ECS reference). Registering a revision
            // of an environment family changes nothing that runs; passing a role to it is limited by PassRole below.
            Allow("TaskDefinitions", UnscopableWrites, ["*"]),
            Allow("TagOnCreateEcs", ["ecs:TagResource"], ["*"],
                new Props { ["StringEquals"] = new Props { ["ecs:CreateAction"] = new[] { "RegisterTaskDefinition", "CreateService", "RunTask" } } }),
            Allow("Services", ["ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService", "ecs:DescribeServices", "ecs:TagResource",
                "ecs:UntagResource", "ecs:ListServiceDeployments", "ecs:DescribeServiceDeployments"],
                [a.EcsService(n.ClusterName, pv), a.EcsServiceDeployment(n.ClusterName, pv)]),
            Allow("RunPreviewTasks", ["ecs:RunTask"], [a.EcsTaskDefinition(pv)],
                new Props { ["ArnEquals"] = new Props { ["ecs:cluster"] = a.EcsCluster(n.ClusterName) } }),
            Allow("WatchTasks", ["ecs:DescribeTasks"], [a.EcsTask(n.ClusterName)]),
            // A failed rollout of a sidecar preview is explained by its stopped tasks (the in-task migration's exit code).
            // ListTasks takes only the container-instance resource type, so it is scoped by the ecs:cluster condition key
            // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html).
            Allow("ListClusterTasks", ["ecs:ListTasks"], ["*"],
                new Props { ["ArnEquals"] = new Props { ["ecs:cluster"] = a.EcsCluster(n.ClusterName) } }),
            Allow("StopPreviewTasks", ["ecs:StopTask"], [a.EcsTask(n.ClusterName)],
                new Props { ["ArnLike"] = new Props { ["ecs:task-definition"] = a.EcsTaskDefinition(pv) } }),

            Allow("TargetGroups", ["elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:DeleteTargetGroup",
                "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes",
                "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"], [a.TargetGroup(pv)]),
            // Rule ARNs carry a random ID, not a name: previews' rules are told apart by their tag, which only a
            // rule created here can get (AddTags is allowed on other rules only if they already carry it).
            Allow("CreatePreviewRules", ["elasticloadbalancing:CreateRule"], [.. Listeners(i), .. Rules(i)], RequestTagged(tag)),
            Allow("TagOnCreateElb", ["elasticloadbalancing:AddTags"], [.. Rules(i), a.TargetGroup(pv)],
                new Props { ["StringEquals"] = new Props { ["elasticloadbalancing:CreateAction"] = new[] { "CreateRule", "CreateTargetGroup" } } }),
            Allow("PreviewRules", ["elasticloadbalancing:ModifyRule", "elasticloadbalancing:DeleteRule", "elasticloadbalancing:SetRulePriorities",
                "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"], Rules(i), ResourceTagged(tag)),

            // Security group ARNs carry only an ID: creation must tag the group as a preview's, and changes need that tag.
            Allow("CreatePreviewSecurityGroups", ["ec2:CreateSecurityGroup"], [a.SecurityGroup()], RequestTagged(tag)),
            Allow("CreateSecurityGroupsInVpc", ["ec2:CreateSecurityGroup"], [a.Vpc(i.VpcId)]),
            Allow("TagOnCreateEc2", ["ec2:CreateTags"], [a.SecurityGroup()], StringEquals("ec2:CreateAction", "CreateSecurityGroup")),
            Allow("PreviewSecurityGroups", ["ec2:DeleteSecurityGroup", "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
                "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress", "ec2:ModifySecurityGroupRules",
                "ec2:UpdateSecurityGroupRuleDescriptionsIngress", "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
                "ec2:CreateTags", "ec2:DeleteTags"], [a.SecurityGroup()], ResourceTagged(tag)),
            // Each egress rule is its own resource (aws:vpc:SecurityGroupEgressRule): AuthorizeSecurityGroupEgress also
            // names the new rule's ARN, tagged at creation by the provider's default tags. The rule ARN carries no
            // preview tag, so it is allowed alone; the group in the same request must still pass the statement above
            // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html).
            Allow("PreviewSecurityGroupRules", ["ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
                "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress", "ec2:ModifySecurityGroupRules"], [a.SecurityGroupRule()]),
            Allow("TagOnCreateSecurityGroupRules", ["ec2:CreateTags"], [a.SecurityGroupRule()],
                StringEquals("ec2:CreateAction", new[] { "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress" })),

            Allow("PreviewLogGroups", ["logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy",
                "logs:TagResource", "logs:UntagResource", "logs:TagLogGroup", "logs:UntagLogGroup", "logs:ListTagsForResource",
                "logs:ListTagsLogGroup", "logs:DescribeLogStreams", "logs:GetLogEvents", "logs:FilterLogEvents"],
                [a.LogGroup(n.PreviewLogGroupPrefix + "*")]),

            Allow("PreviewRolesWithBoundary", ["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary"],
                [AwsArns.Role(pv)], StringEquals("iam:PermissionsBoundary", i.BoundaryArn)),
            Allow("PreviewRoles", ["iam:GetRole", "iam:DeleteRole", "iam:TagRole", "iam:UntagRole", "iam:UpdateRole", "iam:UpdateRoleDescription",
                "iam:UpdateAssumeRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy", "iam:ListRolePolicies", "iam:DetachRolePolicy",
                "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole"], [AwsArns.Role(pv)]),
            Allow("PassPreviewRolesToEcsTasks", ["iam:PassRole"], [AwsArns.Role(pv), AwsArns.Role(n.PreviewTaskRoleName)],
                StringEquals("iam:PassedToService", "ecs-tasks.amazonaws.com")),
            Deny("NoRoleWithoutBoundary", ["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary"], ["*"],
                new Props { ["StringNotEquals"] = new Props { ["iam:PermissionsBoundary"] = i.BoundaryArn } }),
            Deny("KeepBoundaries", ["iam:DeleteRolePermissionsBoundary", "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion",
                "iam:SetDefaultPolicyVersion"], ["*"]),

            // The instance strategy's database. RDS creates its managed master secret itself (rds!db-…), on the caller's behalf.
            Allow("PreviewDatabases", ["rds:CreateDBInstance", "rds:DeleteDBInstance", "rds:ModifyDBInstance", "rds:RebootDBInstance",
                "rds:AddTagsToResource", "rds:RemoveTagsFromResource", "rds:ListTagsForResource", "rds:CreateDBSubnetGroup",
                "rds:DeleteDBSubnetGroup", "rds:ModifyDBSubnetGroup"], [a.DbInstance(pv), a.DbSubnetGroup(pv)]),
            Allow("DefaultDatabaseGroups", ["rds:CreateDBInstance"], [a.Regional("rds", "pg:default.*"), a.Regional("rds", "og:default:*")]),
            Allow("ManagedMasterSecrets", ["secretsmanager:CreateSecret", "secretsmanager:TagResource", "secretsmanager:RotateSecret",
                "secretsmanager:DeleteSecret", "secretsmanager:DescribeSecret"], [a.Secret("rds!db-*")],
                new Props { ["ForAnyValue:StringEquals"] = new Props { ["aws:CalledVia"] = "rds.amazonaws.com" } }),

            // The image is built from the pull request: it goes to the preview repository only, never to the environment's
            // (ECR has no condition key on the tag, so a shared repository would let a pull request overwrite a tag
            // the environment runs, and run its code with the environment's task role and secrets).
            Allow("PushPreviewImages", ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], [a.Repository(n.PreviewRepositoryName)]),
        };
        if (i.Shards is { } shards) statements.AddRange(ShardRecordStatements(shards));
        if (i.PreviewsScheduled) statements.AddRange(ScheduleStatements(a, tag));
        if (i.StateBucket is string bucket) statements.AddRange(StateStatements(bucket, i.Project, n.Environment));
        return Policies.Document(statements);
    }

    /// <summary>The listeners preview rules go on: the environment's, and its further preview load balancers' (only theirs:
    /// <see cref="ShardNames"/> holds a "--" no environment's name has).</summary>
    private static Expr[] Listeners(CiPolicyInputs i) => i.Shards is { } s
        ? [i.Arns.Listener(i.Names.LoadBalancerName), i.Arns.Listener(s.Names.Pattern)] : [i.Arns.Listener(i.Names.LoadBalancerName)];

    private static Expr[] Rules(CiPolicyInputs i) => i.Shards is { } s
        ? [i.Arns.ListenerRule(i.Names.LoadBalancerName), i.Arns.ListenerRule(s.Names.Pattern)] : [i.Arns.ListenerRule(i.Names.LoadBalancerName)];

    /// <summary>
    /// A preview on a further shard has its own alias record (<c>&lt;host&gt;.previewDomain</c>): record changes in the
    /// environment's zone, only A records and only under the preview domain (the condition keys
    /// <c>route53:ChangeResourceRecordSetsNormalizedRecordNames</c> and <c>…RecordTypes</c>,
    /// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/specifying-rrset-conditions.html), and the reads the
    /// provider makes around them.
    /// </summary>
    private static IEnumerable<Props> ShardRecordStatements(CiPolicyInputs.ShardInputs shards)
    {
        var zone = Expr.Interpolate("arn:", Expr.Ref(Policies.PartitionVariable), $":route53:::hostedzone/{shards.HostedZoneId}");
        yield return Allow("PreviewRecords", ["route53:ChangeResourceRecordSets"], [zone], new Props
        {
            ["ForAllValues:StringLike"] = new Props { ["route53:ChangeResourceRecordSetsNormalizedRecordNames"] = new[] { $"*.{shards.PreviewDomain}" } },
            ["ForAllValues:StringEquals"] = new Props { ["route53:ChangeResourceRecordSetsRecordTypes"] = new[] { "A" } },
        });
        yield return Allow("ReadPreviewRecords", ["route53:ListResourceRecordSets", "route53:GetHostedZone"], [zone]);
        yield return Allow("WatchRecordChanges", ["route53:GetChange"], [Expr.Interpolate("arn:", Expr.Ref(Policies.PartitionVariable), ":route53:::change/*")]);
    }

    /// <summary>
    /// A scheduled preview's scalable target and its two scheduled actions (Pulumi), and <c>preview wake</c>
    /// (RegisterScalableTarget on the existing target). A target's ARN ends in a random ID, so previews' targets are told
    /// apart by the preview tag: created with it (the provider's default tags, <c>aws:RequestTag</c>), changed only
    /// when they carry it (<c>aws:ResourceTag</c>); tagging is allowed only on a target that already carries it, so the
    /// environment's own target can never be tagged into reach. Registering an ECS service's target also needs
    /// <c>ecs:DescribeServices</c> and <c>ecs:UpdateService</c> on that service, which this role has on preview services only
    /// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsapplicationautoscaling.html,
    /// https://docs.aws.amazon.com/autoscaling/application/userguide/security_iam_service-with-iam.html). The reads
    /// (DescribeScalableTargets, DescribeScheduledActions) take no resource and are in <see cref="ScheduleReadActions"/>.
    /// </summary>
    private static IEnumerable<Props> ScheduleStatements(AwsArns a, string tag)
    {
        yield return Allow("ReadPreviewScaling", ScheduleReadActions, ["*"]);
        yield return Allow("CreatePreviewScalableTargets", ["application-autoscaling:RegisterScalableTarget"], [a.ScalableTarget()], RequestTagged(tag));
        yield return Allow("PreviewScalableTargets", ["application-autoscaling:RegisterScalableTarget", "application-autoscaling:DeregisterScalableTarget",
            "application-autoscaling:PutScheduledAction", "application-autoscaling:DeleteScheduledAction", "application-autoscaling:TagResource",
            "application-autoscaling:UntagResource", "application-autoscaling:ListTagsForResource"], [a.ScalableTarget()], ResourceTagged(tag));
    }

    /// <summary>What Pulumi reads of a scalable target and its scheduled actions (no resource-level permissions).</summary>
    public static readonly IReadOnlyList<string> ScheduleReadActions =
        ["application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScheduledActions"];

    /// <summary>The environment's checkpoint (what a StackReference reads) and the preview stacks' own objects.</summary>
    private static IEnumerable<Props> StateStatements(string bucket, string project, string environment)
    {
        var previews = new StateObjectNames(project, PreviewNames.StackPrefix + "*");
        var parent = new StateObjectNames(project, environment);
        yield return Allow("ListState", ["s3:ListBucket"], [AwsArns.S3(bucket)],
            new Props { ["StringLike"] = new Props { ["s3:prefix"] = new[] { StateObjectNames.Root + "*" } } });
        yield return Allow("ReadParentState", ["s3:GetObject"],
            [AwsArns.S3($"{bucket}/{StateObjectNames.Meta}"), AwsArns.S3($"{bucket}/{parent.Checkpoint}")]);
        yield return Allow("PreviewState", ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            previews.Writable.Select(key => (object)AwsArns.S3($"{bucket}/{key}")).ToList());
    }

    /// <summary>Reads: describe and list calls Pulumi and the deployer make (most have no resource-level permissions).</summary>
    public static readonly IReadOnlyList<string> ReadActions =
    [
        "ec2:DescribeSecurityGroups", "ec2:DescribeSecurityGroupRules", "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeNetworkInterfaces",
        "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeRules",
        "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTags",
        "elasticloadbalancing:DescribeTargetHealth",
        "ecs:DescribeTaskDefinition", "ecs:ListTaskDefinitions", "ecs:DescribeClusters", "ecs:ListServices",
        "logs:DescribeLogGroups", "rds:DescribeDBInstances", "rds:DescribeDBSubnetGroups", "ecr:GetAuthorizationToken",
    ];
}
