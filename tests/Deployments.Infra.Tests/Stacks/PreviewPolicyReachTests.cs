using System.Text.Json.Nodes;
using Deployments.Infra.Naming;
using Deployments.Infra.Stacks.Environment;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Stacks;

/// <summary>
/// The preview role's reach, evaluated the way IAM evaluates Resource patterns: against every environment
/// resource name the naming module produces, no statement that writes may match — except the shared uses a
/// preview needs (a rule on the listener, an image in the repository, the preview task role to pass, the parent's
/// state to read) and statements that require the preview tag on the resource; and every preview name does match.
/// </summary>
public class PreviewPolicyReachTests
{
    private const string Account = "123456789012";
    private const string Region = "eu-west-1";
    private const string Bucket = "example-org-pulumi-state";

    private static readonly (string App, string Env)[] Stacks = [("shop", "staging"), ("a", "qa"), ("abcdefghijklmnop", "abcdefghijklmno"), ("a-b9", "production")];

    private static readonly string[] Branches = ["main", "staging", "production", "feature/Login_Page", "dependabot/npm_and_yarn/lodash-4.17.21", "x", new string('b', 300)];

    /// <summary>Condition keys that confine a statement to resources tagged, or being created, as a preview's.</summary>
    private static readonly string[] Guards =
    [
        "aws:ResourceTag/deployments:preview", "aws:RequestTag/deployments:preview", "elasticloadbalancing:CreateAction", "ec2:CreateAction",
        "ecs:CreateAction", "ecs:task-definition", "aws:CalledVia",
    ];

    private sealed record Statement(string Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, JsonObject? Condition)
    {
        public bool Guarded => Condition is not null && Guards.Any(g => Condition.ToJsonString().Contains($"\"{g}\"", StringComparison.Ordinal));
    }

    private static List<Statement> PreviewPolicy(string app, string env)
    {
        var template = TemplateAssert.FromJson(StackFixtures.CompileJson(env, StackFixtures.FromStackFile("staging", $"appName={app}", "imageTag=1.4.2-3f9a2c1",
            $"ci={{\"repository\":\"example-org/shop\",\"stateBucket\":\"{Bucket}\"}}",
            // Scheduled previews: the role also manages their scalable targets (the widest preview role there is).
            "previewDefaults={\"schedule\":{\"days\":\"Mon-Fri\",\"start\":\"07:00\",\"stop\":\"20:00\",\"timeZone\":\"Europe/Paris\"}}")));
        var document = (JsonObject)template.Resource("ci-preview-role-policy")["properties"]!["policy"]!["fn::toJSON"]!;
        return document["Statement"]!.AsArray().OfType<JsonObject>()
            .Where(s => s["Effect"]!.GetValue<string>() == "Allow")
            .Select(s => new Statement(s["Sid"]!.GetValue<string>(), Strings(s["Action"]), Strings(s["Resource"]).Select(r => Resolve(r, env)).ToList(), s["Condition"] as JsonObject))
            .ToList();
    }

    private static List<string> Strings(JsonNode? node) => node is JsonArray a ? a.Select(x => x!.GetValue<string>()).ToList() : [node!.GetValue<string>()];

    private static string Resolve(string pattern, string env) =>
        pattern.Replace("${partition}", "aws", StringComparison.Ordinal).Replace("${account}", Account, StringComparison.Ordinal)
            .Replace("${vpc.vpcId}", VpcId(env), StringComparison.Ordinal);

    /// <summary>Each environment has its own VPC.</summary>
    private static string VpcId(string env) => "vpc-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(env)))[..17];

    private static string Arn(string service, string resource) => $"arn:aws:{service}:{Region}:{Account}:{resource}";

    private static string IamArn(string resource) => $"arn:aws:iam::{Account}:{resource}";

    private static string S3(string key) => $"arn:aws:s3:::{Bucket}/{key}";

    /// <summary>Every environment resource, by the EnvironmentNames/CiNames member it comes from; a new member without an ARN here fails.</summary>
    private static List<(string Kind, string Arn)> EnvironmentArns(string app, string env)
    {
        var n = EnvironmentNames.For(app, env);
        var ci = CiNames.For(app, env);
        var arns = new List<(string, string)>();
        foreach (var property in typeof(EnvironmentNames).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            var value = (string)property.GetValue(n)!;
            arns.AddRange(property.Name switch
            {
                "Environment" => [("state", S3($".pulumi/stacks/deployments/{value}.json")), ("state-write", S3($".pulumi/history/deployments/{value}/{value}-1.history.json")),
                    ("state-write", S3($".pulumi/locks/organization/deployments/{value}/u.json")), ("state-write", S3($".pulumi/backups/deployments/{value}/b.json")),
                    ("state-write", S3($".pulumi/stacks/deployments/{value}.pulumi-tags"))],
                "ClusterName" => [("cluster", Arn("ecs", $"cluster/{value}")), ("task", Arn("ecs", $"task/{value}/0123456789abcdef0123456789abcdef")),
                    ("service-deployment", Arn("ecs", $"service-deployment/{value}/{n.ServiceName}/abc"))],
                "ServiceName" => [("service", Arn("ecs", $"service/{n.ClusterName}/{value}"))],
                "TaskFamily" or "MigrationTaskFamily" => [("task-definition", Arn("ecs", $"task-definition/{value}:7"))],
                "LoadBalancerName" => [("load-balancer", Arn("elasticloadbalancing", $"loadbalancer/app/{value}/50dc6c495c0c9188")),
                    ("listener", Arn("elasticloadbalancing", $"listener/app/{value}/50dc6c495c0c9188/f2f7dc8efc522ab2")),
                    ("listener-rule", Arn("elasticloadbalancing", $"listener-rule/app/{value}/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee"))],
                "TargetGroupName" or "AlternateTargetGroupName" => [("target-group", Arn("elasticloadbalancing", $"targetgroup/{value}/73e2d6bc24d8a067"))],
                "LoadBalancerRoleName" => [("role", IamArn($"role/{value}"))],
                "LogGroupName" => [("log-group", Arn("logs", $"log-group:{value}")), ("log-group", Arn("logs", $"log-group:{value}:*")),
                    ("log-group", Arn("logs", $"log-group:{value}:log-stream:migrate/app/0123"))],
                "RepositoryName" => [("repository", Arn("ecr", $"repository/{value}"))],
                "PreviewRepositoryName" => [("preview-repository", Arn("ecr", $"repository/{value}"))],
                "PreviewTaskRoleName" => [("preview-task-role", IamArn($"role/{value}"))],
                "ExecutionRoleName" or "TaskRoleName" or "PreviewExecutionRoleName" => [("role", IamArn($"role/{value}"))],
                "AlbSecurityGroupName" or "ServiceSecurityGroupName" or "PreviewSecurityGroupName" or "DatabaseSecurityGroupName" =>
                    [("security-group", Arn("ec2", "security-group/sg-0123456789abcdef0"))],
                "DatabaseIdentifier" => [("db", Arn("rds", $"db:{value}")), ("db", Arn("rds", $"snapshot:{value}-final-1")),
                    ("secret", Arn("secretsmanager", "secret:rds!db-0b5e3f9e-0000-4000-8000-000000000000-AbCdEf"))],
                "DatabaseSubnetGroupName" => [("db", Arn("rds", $"subgrp:{value}"))],
                "AccessLogsBucketPrefix" => [("bucket", $"arn:aws:s3:::{value}20261201093000000000000001"),
                    ("bucket", $"arn:aws:s3:::{value}20261201093000000000000001/alb/AWSLogs/{Account}/elasticloadbalancing/x.log.gz")],
                // Not an environment resource: the prefix of its previews' log groups (they must match; see below).
                "PreviewLogGroupPrefix" => [],
                _ => throw new AssertionException($"EnvironmentNames.{property.Name} has no ARN in this test: add it"),
            });
        }
        foreach (var property in typeof(CiNames).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            var value = (string)property.GetValue(ci)!;
            arns.Add(property.Name.EndsWith("RoleName", StringComparison.Ordinal) ? ("role", IamArn($"role/{value}")) : ("policy", IamArn($"policy/{value}")));
        }
        arns.Add(("oidc-provider", IamArn("oidc-provider/token.actions.githubusercontent.com")));
        arns.Add(("vpc", Arn("ec2", $"vpc/{VpcId(env)}")));
        // The service's scalable target: its ARN ends in a random ID, never a name (Application Auto Scaling).
        arns.Add(("scalable-target", Arn("application-autoscaling", "scalable-target/0123456789abcdef0123456789abcdef0123")));
        // An egress rule (aws:vpc:SecurityGroupEgressRule): its ARN names no environment, its group needs the preview tag.
        arns.Add(("security-group-rule", Arn("ec2", "security-group-rule/sgr-0123456789abcdef0")));
        return arns;
    }

    /// <summary>What a preview legitimately does to a shared environment resource.</summary>
    private static readonly Dictionary<string, string[]> SharedUses = new(StringComparer.Ordinal)
    {
        ["listener"] = ["elasticloadbalancing:CreateRule"],
        ["listener-rule"] = ["elasticloadbalancing:CreateRule"],
        ["vpc"] = ["ec2:CreateSecurityGroup"],
        // Every rule action also names the rule's group (a required resource), which must carry the preview tag.
        ["security-group-rule"] = ["ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress",
            "ec2:RevokeSecurityGroupEgress", "ec2:ModifySecurityGroupRules"],
        ["task"] = ["ecs:DescribeTasks"],
        ["preview-task-role"] = ["iam:PassRole"],
        ["state"] = ["s3:GetObject"],
        // Pull requests push to the preview repository only: ECR has no condition key on image tags, so a push right on
        // the environment's repository would let a pull request overwrite the tag the environment runs.
        ["preview-repository"] = ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
            "ecr:PutImage", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
    };

    private static bool ReadOnly(string action)
    {
        var verb = action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return verb.StartsWith("Describe", StringComparison.Ordinal) || verb.StartsWith("List", StringComparison.Ordinal)
            || verb.StartsWith("Get", StringComparison.Ordinal);
    }

    [Test]
    public void The_iam_matcher_follows_iam_wildcard_semantics()
    {
        IamPattern.Matches("arn:aws:ecs:r:1:service/c/app-pv-*", "arn:aws:ecs:r:1:service/c/app-pv-x/y").ShouldBeTrue();
        IamPattern.Matches("arn:aws:ecs:r:1:service/c/app-pv-*", "arn:aws:ecs:r:1:service/c/app-PV-x").ShouldBeFalse();
        IamPattern.Matches("a?c", "abc").ShouldBeTrue();
        IamPattern.Matches("a?c", "ac").ShouldBeFalse();
        IamPattern.Matches("a.c", "abc").ShouldBeFalse();
        IamPattern.Matches("*", "anything:at/all").ShouldBeTrue();
    }

    [Test]
    public void No_preview_statement_that_writes_matches_any_environment_resource([Values(0, 1, 2, 3)] int stack)
    {
        var (app, env) = Stacks[stack];
        // Arrange: this environment's own resources, and those of the other environments of the same app.
        var policy = PreviewPolicy(app, env);
        var resources = EnvironmentArns(app, env).Concat(Stacks.Where(s => s.Env != env).SelectMany(s => EnvironmentArns(app, s.Env)
            .Select(r => (Kind: r.Kind == "security-group-rule" ? r.Kind : "other-environment", r.Arn))));
        var violations = new List<string>();

        // Act
        foreach (var (kind, arn) in resources)
        {
            foreach (var statement in policy)
            {
                var matching = statement.Resources.Where(p => IamPattern.Matches(p, arn)).ToList();
                if (matching.Count == 0) continue;
                var unscoped = matching.All(p => p == "*");
                var allowed = unscoped
                    ? statement.Actions.All(a => ReadOnly(a) || PreviewRolePolicy.UnscopableWrites.Contains(a)) || statement.Guarded
                    : statement.Guarded || statement.Actions.All(a => ReadOnly(a) || (SharedUses.TryGetValue(kind, out var uses) && uses.Contains(a)));
                if (!allowed) violations.Add($"{statement.Sid} ({string.Join(", ", statement.Actions)}) matches {kind} {arn} through {string.Join(", ", matching)}");
            }
        }

        // Assert
        violations.ShouldBeEmpty();
    }

    [Test]
    public void Every_preview_name_is_writable_by_the_preview_role([Values(0, 1, 2, 3)] int stack)
    {
        var (app, env) = Stacks[stack];
        // Arrange
        var policy = PreviewPolicy(app, env);
        var cluster = EnvironmentNames.For(app, env).ClusterName;
        var missing = new List<string>();

        foreach (var branch in Branches)
        {
            var p = PreviewNames.For(app, branch);
            (string Action, string Arn)[] needed =
            [
                ("ecs:UpdateService", Arn("ecs", $"service/{cluster}/{p.ServiceName}")),
                ("ecs:DeleteService", Arn("ecs", $"service/{cluster}/{p.ServiceName}")),
                ("ecs:RunTask", Arn("ecs", $"task-definition/{p.MigrationTaskFamily}:3")),
                ("elasticloadbalancing:DeleteTargetGroup", Arn("elasticloadbalancing", $"targetgroup/{p.TargetGroupName}/73e2d6bc24d8a067")),
                ("logs:DeleteLogGroup", Arn("logs", $"log-group:{p.LogGroupName}")),
                ("logs:GetLogEvents", Arn("logs", $"log-group:{p.LogGroupName}:log-stream:migrate/app/0123")),
                ("iam:DeleteRole", IamArn($"role/{p.ExecutionRoleName}")),
                ("iam:PassRole", IamArn($"role/{p.ExecutionRoleName}")),
                ("rds:DeleteDBInstance", Arn("rds", $"db:{p.DatabaseIdentifier}")),
                ("rds:DeleteDBSubnetGroup", Arn("rds", $"subgrp:{p.DatabaseSubnetGroupName}")),
                ("s3:PutObject", S3($".pulumi/stacks/deployments/{p.StackName}.json")),
                ("s3:PutObject", S3($".pulumi/locks/organization/deployments/{p.StackName}/u.json")),
                // Its stack tags (pulumi stack tag set; stack rm deletes them), which the deployer sets on every preview.
                ("s3:PutObject", S3($".pulumi/stacks/deployments/{p.StackName}.pulumi-tags")),
                ("s3:DeleteObject", S3($".pulumi/stacks/deployments/{p.StackName}.pulumi-tags")),
            ];

            // Act
            foreach (var (action, arn) in needed)
                if (!policy.Any(s => s.Actions.Contains(action) && s.Resources.Any(r => r != "*" && IamPattern.Matches(r, arn))))
                    missing.Add($"{action} on {arn}");
        }

        // Assert
        missing.ShouldBeEmpty();
    }

    [TestCase("shop-pv")]
    [TestCase("shop-pv-web")]
    public void An_app_whose_environments_would_fall_inside_another_apps_preview_names_is_refused(string app)
    {
        // "shop"'s preview role matches "shop-pv-*": app "shop-pv" would name its staging "shop-pv-staging".
        IamPattern.Matches("shop-pv-*", $"{app}-staging").ShouldBeTrue();

        NameRules.TryValidateAppName(app, out var message).ShouldBeFalse();
        message.ShouldContain("must not end with '-pv' or contain '-pv-'");
    }

    [Test]
    public void The_check_catches_a_policy_that_reaches_an_environment_resource()
    {
        // Arrange: what a hand-written "app-*" pattern would do.
        var env = EnvironmentArns("shop", "staging");

        // Act
        var reached = env.Where(r => IamPattern.Matches(Arn("ecs", "service/shop-staging/shop-*"), r.Arn)).ToList();

        // Assert
        reached.Select(r => r.Kind).ShouldContain("service");
    }
}
