using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Stacks;

/// <summary>A preview owns only what its branch needs and reaches the parent only through its outputs.</summary>
public class PreviewStackTests
{
    [Test]
    public void Reads_the_parent_through_a_stack_reference()
    {
        StackFixtures.Preview().HasResourceProperties("pulumi:pulumi:StackReference", new { name = "organization/deployments/staging" });
    }

    [Test]
    public void Owns_no_shared_infrastructure()
    {
        // Arrange
        var template = StackFixtures.Preview("databaseStrategy=instance");
        string[] shared = ["awsx:ec2:Vpc", "aws:ecs:Cluster", "aws:lb:LoadBalancer", "aws:lb:Listener", "aws:ecr:Repository", "aws:acm:Certificate", "aws:route53:Record"];

        // Act
        var types = template.Resources.Select(r => r.Value!["type"]!.GetValue<string>()).ToList();

        // Assert
        types.Intersect(shared).ShouldBeEmpty();
        types.Distinct().Order().ShouldBe(new[]
        {
            "aws:cloudwatch:LogGroup", "aws:ec2:SecurityGroup", "aws:ecs:Service", "aws:ecs:TaskDefinition", "aws:iam:Role",
            "aws:iam:RolePolicy", "aws:lb:ListenerRule", "aws:lb:TargetGroup", "aws:rds:Instance", "aws:rds:SubnetGroup",
            "aws:vpc:SecurityGroupEgressRule", "pulumi:providers:aws", "pulumi:pulumi:StackReference",
        });
    }

    [Test]
    public void Service_runs_one_spot_task_on_the_parent_cluster_in_private_subnets()
    {
        StackFixtures.Preview().HasResourceProperties("aws:ecs:Service", new
        {
            cluster = "${parent.outputs[\"clusterArn\"]}",
            desiredCount = 1,
            capacityProviderStrategies = new[] { new { capacityProvider = "FARGATE_SPOT", weight = 1 } },
            networkConfiguration = new { subnets = "${parent.outputs[\"privateSubnetIds\"]}", assignPublicIp = false },
            deploymentCircuitBreaker = new { enable = true, rollback = true },
        });
    }

    [Test]
    public void Spot_can_be_turned_off()
    {
        StackFixtures.Preview("spot=false").HasResourceProperties("aws:ecs:Service", new
        {
            capacityProviderStrategies = new[] { new { capacityProvider = "FARGATE" } },
        });
    }

    [Test]
    public void Host_rule_on_the_parent_listener_uses_the_configured_priority_and_the_branch_host()
    {
        var template = StackFixtures.Preview();

        var rule = template.HasResourceProperties("aws:lb:ListenerRule", new
        {
            listenerArn = "${parent.outputs[\"listenerArn\"]}",
            priority = 1234,
            actions = new[] { new { type = "forward", targetGroupArn = "${target-group.arn}" } },
        });
        var host = rule["properties"]!["conditions"]![0]!["hostHeader"]!["values"]![0]!.GetValue<string>();
        host.ShouldEndWith(".${parent.outputs[\"previewDomain\"]}");
        host.ShouldStartWith("feature-login-page-");
    }

    [Test]
    public void An_explicit_host_replaces_the_derived_one()
    {
        StackFixtures.Preview("host=login.preview.example.com").HasResourceProperties("aws:lb:ListenerRule", new
        {
            conditions = new[] { new { hostHeader = new { values = new[] { "login.preview.example.com" } } } },
        });
    }

    [Test]
    public void Every_aws_name_is_derived_from_the_branch()
    {
        var template = StackFixtures.Preview("databaseStrategy=instance");
        var names = Deployments.Infra.Naming.PreviewNames.For("shop", "feature/Login_Page");

        template.HasResourceProperties("aws:lb:TargetGroup", new { name = names.TargetGroupName, vpcId = "${parent.outputs[\"vpcId\"]}", targetType = "ip" });
        template.HasResourceProperties("aws:ecs:Service", new { name = names.ServiceName });
        template.HasResourceProperties("aws:ecs:TaskDefinition", new { family = names.TaskFamily });
        template.HasResourceProperties("aws:ecs:TaskDefinition", new { family = names.MigrationTaskFamily });
        template.HasResourceProperties("aws:cloudwatch:LogGroup", new { name = names.LogGroupName, retentionInDays = 3 });
        template.HasResourceProperties("aws:rds:Instance", new { identifier = names.DatabaseIdentifier });
    }

    [Test]
    public void Sidecar_strategy_migrates_the_empty_database_inside_the_task_before_the_app_starts()
    {
        var template = StackFixtures.Preview("databaseStrategy=sidecar", "deploymentMinHealthyPercent=0");

        var app = template.Resource("app-task-definition")["properties"]!["containerDefinitions"]!["fn::toJSON"]!;
        // Field names and conditions as the ECS API has them: ContainerDependency {containerName, condition} and
        // HealthCheck {command, interval, timeout, retries, startPeriod}.
        TemplateAssert.Matches(app, new object[]
        {
            new
            {
                name = "app", essential = true,
                dependsOn = new[] { new { containerName = "postgres", condition = "HEALTHY" }, new { containerName = "migrate", condition = "SUCCESS" } },
            },
            new
            {
                name = "migrate", essential = false, image = "${parent.outputs[\"previewRepositoryUrl\"]}:3f9a2c1",
                command = new[] { "alembic", "upgrade", "head" }, portMappings = TemplateAssert.Absent,
                dependsOn = new[] { new { containerName = "postgres", condition = "HEALTHY" } },
                logConfiguration = new { options = new Dictionary<string, object> { ["awslogs-group"] = "${log-group.name}", ["awslogs-stream-prefix"] = "migrate" } },
            },
            new
            {
                name = "postgres", essential = true, image = "public.ecr.aws/docker/library/postgres:16-alpine", portMappings = TemplateAssert.Absent,
                healthCheck = new { command = new[] { "CMD-SHELL", "pg_isready -U postgres -d app" }, interval = 5, timeout = 3, retries = 10, startPeriod = 5 },
            },
        }, "containers");
        template.ResourceCountIs("aws:rds:Instance", 0);
        template.Output("migrationRequired")!.GetValue<bool>().ShouldBeFalse();
        template.Output("migrationInTask")!.GetValue<bool>().ShouldBeTrue();
    }

    [Test]
    public void Sidecar_strategy_without_a_migration_command_runs_no_migration_container()
    {
        // An empty command would run the image's own command (the app) in the migration container, which never exits.
        var template = StackFixtures.Preview("databaseStrategy=sidecar", "deploymentMinHealthyPercent=0", "migrationCommand=[]");

        var app = template.Resource("app-task-definition")["properties"]!["containerDefinitions"]!["fn::toJSON"]!;
        TemplateAssert.Matches(app, new object[]
        {
            new { name = "app", dependsOn = new[] { new { containerName = "postgres", condition = "HEALTHY" } } },
            new { name = "postgres" },
        }, "containers");
        template.Output("migrationInTask")!.GetValue<bool>().ShouldBeFalse();
    }

    [Test]
    public void Instance_strategy_gives_the_preview_its_own_unprotected_database_reachable_only_from_its_tasks()
    {
        var template = StackFixtures.Preview("databaseStrategy=instance");

        template.HasResourceProperties("aws:rds:Instance", new
        {
            instanceClass = "db.t4g.micro",
            storageEncrypted = true,
            publiclyAccessible = false,
            deletionProtection = false,
            skipFinalSnapshot = true,
            manageMasterUserPassword = true,
        });
        template.HasResourceProperties("aws:ec2:SecurityGroup", new
        {
            ingress = new[] { new { fromPort = 5432, securityGroups = new[] { "${service-security-group.id}" } } },
        });
        template.Output("migrationRequired")!.GetValue<bool>().ShouldBeTrue();
        template.Resource("execution-role-policy")["properties"]!["policy"]!.ToJsonString()
            .ShouldContain("${database.masterUserSecrets[0].secretArn}");
    }

    [Test]
    public void Tasks_accept_traffic_only_from_the_parent_load_balancer()
    {
        StackFixtures.Preview().HasResourceProperties("aws:ec2:SecurityGroup", new
        {
            vpcId = "${parent.outputs[\"vpcId\"]}",
            ingress = new[] { new { fromPort = 8000, toPort = 8000, securityGroups = new[] { "${parent.outputs[\"albSecurityGroupId\"]}" } } },
        });
    }

    [Test]
    public void Images_come_from_the_parents_preview_repository_and_the_migration_uses_the_next_tag()
    {
        var template = StackFixtures.Preview("migrationImageTag=4b5c6d7");

        TemplateAssert.Matches(template.Resource("migration-task-definition")["properties"], new
        {
            executionRoleArn = "${execution-role.arn}",
            taskRoleArn = "${parent.outputs[\"previewTaskRoleArn\"]}",
            containerDefinitions = new Dictionary<string, object>
            {
                ["fn::toJSON"] = new[] { new { image = "${parent.outputs[\"previewRepositoryUrl\"]}:4b5c6d7", command = new[] { "alembic", "upgrade", "head" } } },
            },
        }, "migration task definition");
        TemplateAssert.Matches(template.Resource("app-task-definition")["properties"], new
        {
            containerDefinitions = new Dictionary<string, object>
            {
                ["fn::toJSON"] = new object[] { new { image = "${parent.outputs[\"previewRepositoryUrl\"]}:3f9a2c1" }, new { name = "migrate" }, new { name = "postgres" } },
            },
        }, "app task definition");
    }

    [Test]
    public void Task_definitions_of_previews_are_removed_with_the_preview()
    {
        var template = StackFixtures.Preview();

        template.HasResourceProperties("aws:ecs:TaskDefinition", new { family = Deployments.Infra.Naming.PreviewNames.For("shop", "feature/Login_Page").TaskFamily, skipDestroy = TemplateAssert.Absent });
    }

    [Test]
    public void Provider_tags_name_the_preview()
    {
        var tags = StackFixtures.Preview().Resource("aws-provider")["properties"]!["defaultTags"]!["tags"]!;

        tags["deployments:preview"]!.GetValue<string>().ShouldBe(Deployments.Infra.Naming.PreviewNames.For("shop", "feature/Login_Page").Slug);
        tags["deployments:stack"]!.GetValue<string>().ShouldBe("preview-feature-login");
    }
}
