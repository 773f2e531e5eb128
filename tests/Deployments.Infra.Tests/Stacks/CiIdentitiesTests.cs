using System.Text.Json.Nodes;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Stacks;

/// <summary>The CI identities environment stacks create: only when configured, one role per purpose, exact trust.</summary>
public class CiIdentitiesTests
{
    private const string OidcArn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

    private static JsonObject Document(TemplateAssert template, string logicalName, string property) =>
        (JsonObject)template.Resource(logicalName)["properties"]![property]!["fn::toJSON"]!;

    private static JsonArray Statements(TemplateAssert template, string logicalName, string property = "policy") =>
        (JsonArray)Document(template, logicalName, property)["Statement"]!;

    private static JsonObject Statement(TemplateAssert template, string logicalName, string sid) =>
        Statements(template, logicalName).OfType<JsonObject>().SingleOrDefault(s => s["Sid"]!.GetValue<string>() == sid)
        ?? throw new AssertionException($"{logicalName} has no statement {sid}");

    [Test]
    public void Without_ci_there_is_no_oidc_provider_and_no_ci_role_but_previews_keep_their_boundary()
    {
        // Act
        var template = StackFixtures.Staging("!ci");

        // Assert
        template.ResourceCountIs("aws:iam:OpenIdConnectProvider", 0);
        template.ResourcesOfType("aws:iam:Role").Select(r => r.Name).Order(StringComparer.Ordinal)
            .ShouldBe(["execution-role", "preview-task-role", "task-role"]);
        Should.Throw<AssertionException>(() => template.Output("ciDeployRoleArn"));
        template.Output("previewBoundaryArn")!.GetValue<string>().ShouldBe("${preview-boundary.arn}");
    }

    [Test]
    public void Staging_creates_the_github_oidc_provider_for_sts()
    {
        var template = StackFixtures.Staging();

        template.HasResourceProperties("aws:iam:OpenIdConnectProvider", new
        {
            url = "https://token.actions.githubusercontent.com",
            clientIdLists = new[] { "sts.amazonaws.com" },
        });
        template.Output("githubOidcProviderArn")!.GetValue<string>().ShouldBe("${github-oidc-provider.arn}");
    }

    [Test]
    public void Production_uses_the_existing_provider_and_has_a_deploy_role_but_no_preview_role_or_boundary()
    {
        var template = StackFixtures.Production();

        template.ResourceCountIs("aws:iam:OpenIdConnectProvider", 0);
        template.ResourceCountIs("aws:iam:Policy", 0);
        template.HasResourceProperties("aws:iam:Role", new { name = "shop-production-ci-deploy" });
        template.ResourcesOfType("aws:iam:Role").Select(r => r.Name).ShouldNotContain("ci-preview-role");
        template.Output("githubOidcProviderArn")!.GetValue<string>().ShouldBe(OidcArn);
        template.Output("ciDeployRoleArn")!.GetValue<string>().ShouldBe("${ci-deploy-role.arn}");
    }

    [Test]
    public void The_deploy_role_trusts_only_jobs_in_the_github_environment_of_the_same_name()
    {
        var template = StackFixtures.Production();

        TemplateAssert.Matches(Document(template, "ci-deploy-role", "assumeRolePolicy"), new
        {
            Statement = new[]
            {
                new Dictionary<string, object>
                {
                    ["Effect"] = "Allow",
                    ["Principal"] = new { Federated = OidcArn },
                    ["Action"] = "sts:AssumeRoleWithWebIdentity",
                    ["Condition"] = new Dictionary<string, object>
                    {
                        ["StringEquals"] = new Dictionary<string, object>
                        {
                            ["token.actions.githubusercontent.com:aud"] = "sts.amazonaws.com",
                            ["token.actions.githubusercontent.com:sub"] = "repo:example-org/shop:environment:production",
                        },
                        ["StringLike"] = TemplateAssert.Absent,
                    },
                },
            },
        }, "trust");
        template.HasResourceProperties("aws:iam:Role", new { name = "shop-production-ci-deploy", maxSessionDuration = 7200 });
    }

    [Test]
    public void The_preview_role_trusts_pull_requests_and_the_default_branch_sweeper_only()
    {
        var template = StackFixtures.Staging("ci={\"repository\":\"example-org/shop\",\"defaultBranch\":\"trunk\"}");

        var condition = Document(template, "ci-preview-role", "assumeRolePolicy")["Statement"]![0]!["Condition"]!;
        TemplateAssert.Matches(condition, new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object>
            {
                ["token.actions.githubusercontent.com:aud"] = "sts.amazonaws.com",
                ["token.actions.githubusercontent.com:sub"] = new[] { "repo:example-org/shop:pull_request", "repo:example-org/shop:ref:refs/heads/trunk" },
            },
        }, "trust");
        ((JsonObject)condition).Count.ShouldBe(1);
        template.Output("ciPreviewRoleArn")!.GetValue<string>().ShouldBe("${ci-preview-role.arn}");
        template.HasResourceProperties("aws:iam:Role", new { name = "shop-staging-ci-preview" });
    }

    [TestCase("staging")]
    [TestCase("production")]
    public void Each_environment_has_a_review_role_trusted_only_in_its_review_github_environment(string environment)
    {
        var template = environment == "staging" ? StackFixtures.Staging() : StackFixtures.Production();

        var condition = Document(template, "ci-review-role", "assumeRolePolicy")["Statement"]![0]!["Condition"]!;
        TemplateAssert.Matches(condition, new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object>
            {
                ["token.actions.githubusercontent.com:aud"] = "sts.amazonaws.com",
                ["token.actions.githubusercontent.com:sub"] = $"repo:example-org/shop:environment:review-{environment}",
            },
        }, "trust");
        ((JsonObject)condition).Count.ShouldBe(1);
        template.HasResourceProperties("aws:iam:Role", new { name = $"shop-{environment}-ci-review" });
        template.Output("ciReviewRoleArn")!.GetValue<string>().ShouldBe("${ci-review-role.arn}");
    }

    [Test]
    public void The_review_role_only_reads_and_reads_only_its_environments_state()
    {
        var template = StackFixtures.Staging();

        // Every action a read: Describe*/List*/Get*, the registry token (which pushes nothing without ecr:PutImage) and S3 reads.
        var actions = Statements(template, "ci-review-role-policy").OfType<JsonObject>()
            .SelectMany(s => s["Action"] is JsonArray a ? a.Select(x => x!.GetValue<string>()) : [s["Action"]!.GetValue<string>()]).ToList();
        actions.ShouldNotBeEmpty();
        actions.ShouldAllBe(a => a.Split(':', 2)[1].StartsWith("Describe", StringComparison.Ordinal) || a.Split(':', 2)[1].StartsWith("List", StringComparison.Ordinal)
            || a.Split(':', 2)[1].StartsWith("Get", StringComparison.Ordinal));
        Statements(template, "ci-review-role-policy").OfType<JsonObject>().ShouldAllBe(s => s["Effect"]!.GetValue<string>() == "Allow");
        var state = Statement(template, "ci-review-role-policy", "ReadEnvironmentState");
        state["Resource"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldAllBe(r =>
            r.StartsWith("arn:${partition}:s3:::example-org-pulumi-state/.pulumi/", StringComparison.Ordinal) && (r.EndsWith("meta.yaml", StringComparison.Ordinal) || r.Contains("/staging", StringComparison.Ordinal)));
    }

    [Test]
    public void Preview_roles_may_be_created_only_with_the_boundary_which_cannot_be_removed_or_changed()
    {
        var template = StackFixtures.Staging();

        TemplateAssert.Matches(Statement(template, "ci-preview-role-policy", "PreviewRolesWithBoundary"), new
        {
            Effect = "Allow",
            Action = new[] { "iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary" },
            Resource = new[] { "arn:${partition}:iam::${account}:role/shop-pv-*" },
            Condition = new { StringEquals = new Dictionary<string, string> { ["iam:PermissionsBoundary"] = "${preview-boundary.arn}" } },
        }, "statement");
        TemplateAssert.Matches(Statement(template, "ci-preview-role-policy", "NoRoleWithoutBoundary"), new
        {
            Effect = "Deny",
            Resource = new[] { "*" },
            Condition = new { StringNotEquals = new Dictionary<string, string> { ["iam:PermissionsBoundary"] = "${preview-boundary.arn}" } },
        }, "statement");
        var keep = Statement(template, "ci-preview-role-policy", "KeepBoundaries");
        keep["Effect"]!.GetValue<string>().ShouldBe("Deny");
        keep["Action"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("iam:DeleteRolePermissionsBoundary");
        keep["Action"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("iam:CreatePolicyVersion");
        keep.ContainsKey("Condition").ShouldBeFalse();
    }

    [Test]
    public void Pass_role_is_only_for_preview_roles_and_only_to_ecs_tasks()
    {
        var template = StackFixtures.Staging();

        var passing = Statements(template, "ci-preview-role-policy").OfType<JsonObject>()
            .Where(s => s["Action"]!.AsArray().Any(a => a!.GetValue<string>() is "iam:PassRole" or "iam:*" or "*")).ToList();

        passing.Count.ShouldBe(1);
        TemplateAssert.Matches(passing[0], new
        {
            Effect = "Allow",
            Action = new[] { "iam:PassRole" },
            Resource = new[] { "arn:${partition}:iam::${account}:role/shop-pv-*", "arn:${partition}:iam::${account}:role/shop-staging-preview-task" },
            Condition = new { StringEquals = new Dictionary<string, string> { ["iam:PassedToService"] = "ecs-tasks.amazonaws.com" } },
        }, "statement");
    }

    [Test]
    public void Listener_rules_and_security_groups_are_told_apart_by_the_preview_tag()
    {
        var template = StackFixtures.Staging();

        TemplateAssert.Matches(Statement(template, "ci-preview-role-policy", "PreviewRules"), new
        {
            Resource = new[] { "arn:${partition}:elasticloadbalancing:eu-west-1:${account}:listener-rule/app/shop-staging/*" },
            Condition = new { Null = new Dictionary<string, string> { ["aws:ResourceTag/deployments:preview"] = "false" } },
        }, "statement");
        TemplateAssert.Matches(Statement(template, "ci-preview-role-policy", "CreatePreviewRules"), new
        {
            Action = new[] { "elasticloadbalancing:CreateRule" },
            Condition = new { Null = new Dictionary<string, string> { ["aws:RequestTag/deployments:preview"] = "false" } },
        }, "statement");
        TemplateAssert.Matches(Statement(template, "ci-preview-role-policy", "PreviewSecurityGroups"), new
        {
            Resource = new[] { "arn:${partition}:ec2:eu-west-1:${account}:security-group/*" },
            Condition = new { Null = new Dictionary<string, string> { ["aws:ResourceTag/deployments:preview"] = "false" } },
        }, "statement");
        TemplateAssert.Matches(Statement(template, "ci-preview-role-policy", "TagOnCreateEc2"), new
        {
            Action = new[] { "ec2:CreateTags" },
            Condition = new { StringEquals = new Dictionary<string, string> { ["ec2:CreateAction"] = "CreateSecurityGroup" } },
        }, "statement");
    }

    [Test]
    public void The_preview_role_reads_the_parent_state_and_writes_only_preview_state_in_the_backend_bucket()
    {
        var template = StackFixtures.Staging();
        var bucket = "arn:${partition}:s3:::example-org-pulumi-state/.pulumi/";

        TemplateAssert.Matches(Statement(template, "ci-preview-role-policy", "ReadParentState"), new
        {
            Action = new[] { "s3:GetObject" },
            Resource = new[] { bucket + "meta.yaml", bucket + "stacks/deployments/staging.json*" },
        }, "statement");
        TemplateAssert.Matches(Statement(template, "ci-preview-role-policy", "PreviewState"), new
        {
            Action = new[] { "s3:GetObject", "s3:PutObject", "s3:DeleteObject" },
            Resource = new[]
            {
                bucket + "stacks/deployments/preview-*.json*", bucket + "stacks/deployments/preview-*.pulumi-tags", bucket + "history/deployments/preview-*/*",
                bucket + "backups/deployments/preview-*/*", bucket + "locks/organization/deployments/preview-*/*",
            },
        }, "statement");
        StackFixtures.Staging("ci={\"repository\":\"example-org/shop\"}").ShouldSatisfyAllConditions(t =>
            Statements(t, "ci-preview-role-policy").Select(s => s!["Sid"]!.GetValue<string>()).ShouldNotContain("PreviewState"));
    }

    [Test]
    public void The_boundary_caps_preview_roles_at_pulling_images_writing_preview_logs_and_reading_preview_secrets()
    {
        var template = StackFixtures.Staging();

        var statements = Statements(template, "preview-boundary").OfType<JsonObject>().ToList();

        statements.Select(s => s["Sid"]!.GetValue<string>()).ShouldBe(["EcrToken", "EcrPull", "PreviewLogs", "PreviewDatabaseSecrets", "PreviewParameters"]);
        statements.ShouldAllBe(s => s["Effect"]!.GetValue<string>() == "Allow");
        TemplateAssert.Matches(statements[4], new
        {
            Action = new[] { "ssm:GetParameters" },
            Resource = new[] { "arn:aws:ssm:eu-west-1:123456789012:parameter/shop/preview/secret-key" },
        }, "statement");
        TemplateAssert.Matches(statements[2]["Resource"], new[] { "arn:${partition}:logs:eu-west-1:${account}:log-group:/deployments/shop/preview/*" }, "logs");
        template.HasResourceProperties("aws:iam:Policy", new { name = "shop-staging-preview-boundary" });
    }

    [Test]
    public void A_preview_sets_its_parents_boundary_on_the_role_it_creates()
    {
        var template = StackFixtures.Preview();

        template.HasResourceProperties("aws:iam:Role", new
        {
            description = "ECS task execution role of preview feature-login-page-0fab87ea",
            permissionsBoundary = "${parent.outputs[\"previewBoundaryArn\"]}",
        });
    }

    [Test]
    public void The_deploy_role_is_scoped_to_the_environments_names()
    {
        var template = StackFixtures.Staging();

        TemplateAssert.Matches(Statement(template, "ci-deploy-role-policy", "Ecs")["Resource"], new[]
        {
            "arn:${partition}:ecs:eu-west-1:${account}:cluster/shop-staging",
            "arn:${partition}:ecs:eu-west-1:${account}:service/shop-staging/*",
            "arn:${partition}:ecs:eu-west-1:${account}:service-deployment/shop-staging/*/*",
            "arn:${partition}:ecs:eu-west-1:${account}:task-definition/shop-staging:*",
            "arn:${partition}:ecs:eu-west-1:${account}:task-definition/shop-staging-migrate:*",
            "arn:${partition}:ecs:eu-west-1:${account}:task/shop-staging/*",
        }, "ecs");
        TemplateAssert.Matches(Statement(template, "ci-deploy-role-policy", "Roles")["Resource"], new[]
        {
            "arn:${partition}:iam::${account}:role/shop-staging-execution",
            "arn:${partition}:iam::${account}:role/shop-staging-task",
            "arn:${partition}:iam::${account}:role/shop-staging-preview-task",
            "arn:${partition}:iam::${account}:role/shop-staging-ci-deploy",
            "arn:${partition}:iam::${account}:role/shop-staging-ci-preview",
            "arn:${partition}:iam::${account}:role/shop-staging-ci-review",
            "arn:${partition}:iam::${account}:role/shop-staging-ci-drift",
            "arn:${partition}:iam::${account}:policy/shop-staging-preview-boundary",
            "arn:${partition}:iam::${account}:oidc-provider/token.actions.githubusercontent.com",
        }, "iam");
        TemplateAssert.Matches(Statement(template, "ci-deploy-role-policy", "OwnState")["Resource"], new[]
        {
            "arn:${partition}:s3:::example-org-pulumi-state/.pulumi/stacks/deployments/staging.json*",
            "arn:${partition}:s3:::example-org-pulumi-state/.pulumi/stacks/deployments/staging.pulumi-tags",
            "arn:${partition}:s3:::example-org-pulumi-state/.pulumi/history/deployments/staging/*",
            "arn:${partition}:s3:::example-org-pulumi-state/.pulumi/backups/deployments/staging/*",
            "arn:${partition}:s3:::example-org-pulumi-state/.pulumi/locks/organization/deployments/staging/*",
        }, "state");
    }

    [TestCase("staging")]
    [TestCase("production")]
    public void Inline_policies_fit_the_iam_limit_of_10240_characters_per_role(string stack)
    {
        // Arrange: IAM counts the policy without whitespace, with the real account and partition in the ARNs
        // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html, "Role policy size").
        var template = stack == "staging" ? StackFixtures.Staging() : StackFixtures.Production();
        var policies = template.ResourcesOfType("aws:iam:RolePolicy").Where(r => r.Name.StartsWith("ci-", StringComparison.Ordinal)).ToList();
        policies.Select(p => p.Name).ShouldContain("ci-drift-role-policy");

        foreach (var (name, _) in policies)
        {
            // Act
            var size = Document(template, name, "policy").ToJsonString()
                .Replace("${account}", "123456789012", StringComparison.Ordinal).Replace("${partition}", "aws-us-gov", StringComparison.Ordinal).Length;

            // Assert
            size.ShouldBeLessThanOrEqualTo(10240, name);
        }
    }

    [Test]
    public void Previews_may_add_egress_rules_to_their_own_groups_and_the_deploy_role_may_manage_its_access_logs_bucket()
    {
        // Arrange
        var staging = StackFixtures.Staging();
        var production = StackFixtures.Production();

        // Assert: rule ARNs are named beside their group (which still needs the preview tag), and tagged at creation only.
        TemplateAssert.Matches(Statement(staging, "ci-preview-role-policy", "PreviewSecurityGroupRules"), new
        {
            Action = new[] { "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress",
                "ec2:RevokeSecurityGroupEgress", "ec2:ModifySecurityGroupRules" },
            Resource = new[] { "arn:${partition}:ec2:eu-west-1:${account}:security-group-rule/*" },
        }, "preview security group rules");
        Statement(staging, "ci-preview-role-policy", "TagOnCreateSecurityGroupRules")["Condition"]!.ToJsonString()
            .ShouldContain("\"ec2:CreateAction\":[\"AuthorizeSecurityGroupIngress\",\"AuthorizeSecurityGroupEgress\"]");
        TemplateAssert.Matches(Statement(production, "ci-deploy-role-policy", "AccessLogsBucket")["Resource"], new[]
        {
            "arn:${partition}:s3:::shop-production-alb-logs-*", "arn:${partition}:s3:::shop-production-alb-logs-*/*",
        }, "access logs bucket");
    }
}
