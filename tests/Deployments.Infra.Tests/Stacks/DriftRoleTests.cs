using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Stacks;

/// <summary>
/// The drift role environment stacks create with <c>ci</c> (drift.yml's <c>env drift</c>): exact trust, one hour, and a
/// policy that reads what a refresh of the stack's resources reads, never a secret value, and writes nothing.
/// </summary>
public class DriftRoleTests
{
    /// <summary>The verbs of a read (Service Authorization Reference, access level "Read" and "List").</summary>
    private static readonly string[] ReadVerbs = ["Describe", "Get", "List"];

    /// <summary>Reads that return secret values or log contents: no pattern of the role may match one.</summary>
    private static readonly string[] SecretReads =
    [
        "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory",
        "secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue", "secretsmanager:DescribeSecret", "kms:Decrypt",
        "s3:GetObject", "s3:GetObjectVersion", "logs:GetLogEvents", "logs:FilterLogEvents", "logs:StartQuery", "logs:GetQueryResults",
        "logs:GetLogRecord", "logs:Unmask", "ec2:DescribeInstanceAttribute", "ec2:DescribeLaunchTemplateVersions", "ec2:GetPasswordData",
        "ec2:GetConsoleOutput", "acm:ExportCertificate", "rds:DownloadDBLogFilePortion", "ecr:GetAuthorizationToken",
        "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "iam:PassRole", "s3:PutObject", "s3:DeleteObject",
    ];

    /// <summary>
    /// Per resource type the compiler renders for an environment, what the AWS provider's Read calls (Terraform AWS
    /// provider's resource Read functions). A new type fails <see cref="Every_resource_type_an_environment_renders_is_readable_by_the_drift_role"/>
    /// until its reads are named here and granted.
    /// </summary>
    private static readonly Dictionary<string, string[]> ReadsByType = new(StringComparer.Ordinal)
    {
        ["aws:acm:Certificate"] = ["acm:DescribeCertificate", "acm:ListTagsForCertificate"],
        ["aws:acm:CertificateValidation"] = ["acm:DescribeCertificate"],
        ["aws:appautoscaling:Policy"] = ["application-autoscaling:DescribeScalingPolicies"],
        ["aws:appautoscaling:Target"] = ["application-autoscaling:DescribeScalableTargets", "application-autoscaling:ListTagsForResource"],
        ["aws:cloudwatch:LogGroup"] = ["logs:DescribeLogGroups", "logs:ListTagsForResource"],
        ["aws:ec2:SecurityGroup"] = ["ec2:DescribeSecurityGroups"],
        ["aws:vpc:SecurityGroupEgressRule"] = ["ec2:DescribeSecurityGroupRules"],
        // awsx:ec2:Vpc is a component (no read of its own); its children are these.
        ["awsx:ec2:Vpc"] = ["ec2:DescribeVpcs", "ec2:DescribeVpcAttribute", "ec2:DescribeSubnets", "ec2:DescribeRouteTables",
            "ec2:DescribeInternetGateways", "ec2:DescribeNatGateways", "ec2:DescribeAddresses", "ec2:DescribeNetworkAcls"],
        ["aws:ecr:Repository"] = ["ecr:DescribeRepositories", "ecr:ListTagsForResource"],
        ["aws:ecr:LifecyclePolicy"] = ["ecr:GetLifecyclePolicy"],
        ["aws:ecs:Cluster"] = ["ecs:DescribeClusters"],
        ["aws:ecs:ClusterCapacityProviders"] = ["ecs:DescribeClusters"],
        ["aws:ecs:Service"] = ["ecs:DescribeServices"],
        ["aws:ecs:TaskDefinition"] = ["ecs:DescribeTaskDefinition"],
        ["aws:iam:OpenIdConnectProvider"] = ["iam:GetOpenIDConnectProvider"],
        ["aws:iam:Policy"] = ["iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyTags"],
        ["aws:iam:Role"] = ["iam:GetRole", "iam:ListRolePolicies", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies"],
        ["aws:iam:RolePolicy"] = ["iam:GetRolePolicy"],
        ["aws:iam:RolePolicyAttachment"] = ["iam:ListAttachedRolePolicies"],
        ["aws:lb:LoadBalancer"] = ["elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeTags"],
        ["aws:lb:Listener"] = ["elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeListenerAttributes"],
        ["aws:lb:ListenerCertificate"] = ["elasticloadbalancing:DescribeListenerCertificates"],
        ["aws:lb:ListenerRule"] = ["elasticloadbalancing:DescribeRules"],
        ["aws:lb:TargetGroup"] = ["elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetGroupAttributes"],
        ["aws:rds:Instance"] = ["rds:DescribeDBInstances"],
        ["aws:rds:SubnetGroup"] = ["rds:DescribeDBSubnetGroups"],
        ["aws:route53:Record"] = ["route53:ListResourceRecordSets", "route53:GetHostedZone"],
        ["aws:s3:Bucket"] = ["s3:ListBucket", "s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:GetBucketVersioning", "s3:GetBucketLogging",
            "s3:GetLifecycleConfiguration", "s3:GetEncryptionConfiguration", "s3:GetBucketTagging"],
        ["aws:s3:BucketPolicy"] = ["s3:GetBucketPolicy"],
        ["aws:s3:BucketPublicAccessBlock"] = ["s3:GetBucketPublicAccessBlock"],
        ["aws:s3:BucketServerSideEncryptionConfiguration"] = ["s3:GetEncryptionConfiguration"],
        ["aws:s3:BucketLifecycleConfiguration"] = ["s3:GetLifecycleConfiguration"],
        // No AWS read: the provider itself, and random values that live in the state only.
        ["pulumi:providers:aws"] = [],
        ["random:index:RandomId"] = [],
    };

    private static JsonObject Document(TemplateAssert template, string logicalName, string property) =>
        (JsonObject)template.Resource(logicalName)["properties"]![property]!["fn::toJSON"]!;

    private static List<JsonObject> Statements(TemplateAssert template, string logicalName = "ci-drift-role-policy") =>
        ((JsonArray)Document(template, logicalName, "policy")["Statement"]!).OfType<JsonObject>().ToList();

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(x => x!.GetValue<string>()) : [node!.GetValue<string>()];

    /// <summary>IAM's action matching: case-insensitive, <c>*</c> any run of characters, <c>?</c> one.</summary>
    private static bool Grants(string pattern, string action) =>
        Regex.IsMatch(action, @"\A" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + @"\z",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static TemplateAssert Variant(string name) => name switch
    {
        "staging" => StackFixtures.Staging(),
        "production" => StackFixtures.Production(),
        "blue-green" => StackFixtures.Staging("releaseStrategy=blue-green"),
        "shards" => StackFixtures.Staging("previewCapacity=250"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [TestCase("staging")]
    [TestCase("production")]
    public void Each_environment_has_a_drift_role_trusted_only_in_its_drift_github_environment_for_one_hour(string environment)
    {
        // Arrange
        var template = Variant(environment);

        // Act
        var condition = Document(template, "ci-drift-role", "assumeRolePolicy")["Statement"]![0]!["Condition"]!;

        // Assert
        TemplateAssert.Matches(condition, new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object>
            {
                ["token.actions.githubusercontent.com:aud"] = "sts.amazonaws.com",
                ["token.actions.githubusercontent.com:sub"] = $"repo:example-org/shop:environment:drift-{environment}",
            },
        }, "trust");
        ((JsonObject)condition).Count.ShouldBe(1);
        template.HasResourceProperties("aws:iam:Role", new { name = $"shop-{environment}-ci-drift", maxSessionDuration = 3600 });
        template.Output("ciDriftRoleArn")!.GetValue<string>().ShouldBe("${ci-drift-role.arn}");
    }

    [Test]
    public void Without_ci_there_is_no_drift_role()
    {
        var template = StackFixtures.Staging("!ci");

        template.ResourcesOfType("aws:iam:Role").Select(r => r.Name).ShouldNotContain("ci-drift-role");
        Should.Throw<AssertionException>(() => template.Output("ciDriftRoleArn"));
    }

    [TestCase("staging")]
    [TestCase("production")]
    [TestCase("blue-green")]
    [TestCase("shards")]
    public void The_drift_role_only_reads_and_reads_no_secret(string variant)
    {
        // Arrange
        var statements = Statements(Variant(variant));
        var actions = statements.SelectMany(s => Strings(s["Action"])).ToList();

        // Assert: allows only, by Action (a NotAction would grant everything else), each a read verb.
        actions.ShouldNotBeEmpty();
        statements.ShouldAllBe(s => s["Effect"]!.GetValue<string>() == "Allow" && s.ContainsKey("Action") && !s.ContainsKey("NotAction"));
        actions.Where(a => !ReadVerbs.Any(verb => a.Split(':', 2)[1].StartsWith(verb, StringComparison.Ordinal))).ShouldBeEmpty("not a read");
        actions.Where(a => a.Contains('*', StringComparison.Ordinal)).ShouldBe(["elasticloadbalancing:Describe*"], "the one service-level wildcard");
        // No pattern grants a secret read, a write of the state, or a role.
        (from a in actions from secret in SecretReads where Grants(a, secret) && !(secret == "s3:GetObject" && a == "s3:GetObject") select $"{a} grants {secret}")
            .ShouldBeEmpty();
        // s3:GetObject only on the state's objects.
        statements.Where(s => Strings(s["Action"]).Any(a => Grants(a, "s3:GetObject"))).SelectMany(s => Strings(s["Resource"]))
            .ShouldAllBe(r => r.StartsWith("arn:${partition}:s3:::example-org-pulumi-state/.pulumi/", StringComparison.Ordinal));
    }

    [TestCase("staging")]
    [TestCase("production")]
    [TestCase("blue-green")]
    [TestCase("shards")]
    public void Every_resource_type_an_environment_renders_is_readable_by_the_drift_role(string variant)
    {
        // Arrange
        var template = Variant(variant);
        var types = template.Root["resources"]!.AsObject().Select(r => r.Value!["type"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal).ToList();
        var granted = Statements(template).SelectMany(s => Strings(s["Action"])).ToList();

        // Assert
        types.Where(t => !ReadsByType.ContainsKey(t)).ShouldBeEmpty("types whose provider reads are not named in this test");
        (from t in types from read in ReadsByType[t] where !granted.Any(g => Grants(g, read)) select $"{t}: {read}").ShouldBeEmpty();
    }

    [Test]
    public void The_drift_role_reads_the_review_roles_state_objects_and_writes_none()
    {
        // Arrange
        var template = StackFixtures.Staging();
        var review = Statements(template, "ci-review-role-policy").Where(s => s["Sid"]!.GetValue<string>() is "ListState" or "ReadEnvironmentState").ToList();

        // Act
        var drift = Statements(template).Where(s => Strings(s["Resource"]).Any(r => r.Contains("pulumi-state", StringComparison.Ordinal))).ToList();

        // Assert: list under .pulumi/, get meta.yaml, the checkpoint and the history; no lock, no PutObject.
        review.Count.ShouldBe(2);
        drift.Select(s => s.ToJsonString()).ShouldBe(review.Select(s => s.ToJsonString()));
        Strings(drift[1]["Resource"]).ShouldBe([
            "arn:${partition}:s3:::example-org-pulumi-state/.pulumi/meta.yaml",
            "arn:${partition}:s3:::example-org-pulumi-state/.pulumi/stacks/deployments/staging.json*",
            "arn:${partition}:s3:::example-org-pulumi-state/.pulumi/history/deployments/staging/*",
        ]);
        Statements(StackFixtures.Staging("ci={\"repository\":\"example-org/shop\"}"))
            .SelectMany(s => Strings(s["Action"])).ShouldNotContain(a => a.StartsWith("s3:", StringComparison.Ordinal));
    }

    [Test]
    public void Bucket_and_dns_reads_are_scoped_to_the_access_logs_bucket_and_the_environments_zone()
    {
        // Arrange: production creates the access-logs bucket; both environments have a hosted zone.
        var production = Statements(StackFixtures.Production());

        // Assert
        TemplateAssert.Matches(production.Single(s => s["Sid"]!.GetValue<string>() == "ReadAccessLogsBucket")["Resource"],
            new[] { "arn:${partition}:s3:::shop-production-alb-logs-*" }, "bucket");
        TemplateAssert.Matches(production.Single(s => s["Sid"]!.GetValue<string>() == "ReadDns"), new
        {
            Action = new[] { "route53:GetHostedZone", "route53:ListResourceRecordSets" },
            Resource = new[] { "arn:${partition}:route53:::hostedzone/Z0123456789EXAMPLE" },
        }, "dns");
        Statements(StackFixtures.Staging()).Select(s => s["Sid"]!.GetValue<string>()).ShouldNotContain("ReadAccessLogsBucket");
    }
}
