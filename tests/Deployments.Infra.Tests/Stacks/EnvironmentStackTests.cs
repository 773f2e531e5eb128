using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Stacks;

/// <summary>Security and correctness properties of the environment stacks we ship (staging, production).</summary>
public class EnvironmentStackTests
{
    [Test]
    public void Service_runs_in_private_subnets_without_public_ips()
    {
        // Arrange / Act
        var template = StackFixtures.Staging();

        // Assert
        template.HasResourceProperties("aws:ecs:Service", new
        {
            networkConfiguration = new { subnets = "${vpc.privateSubnetIds}", assignPublicIp = false },
        });
    }

    [Test]
    public void Service_uses_the_circuit_breaker_with_rollback_and_configured_health_percentages()
    {
        var template = StackFixtures.Staging("deploymentMinHealthyPercent=50", "deploymentMaxPercent=150", "healthCheckGraceSeconds=90");

        template.HasResourceProperties("aws:ecs:Service", new
        {
            deploymentCircuitBreaker = new { enable = true, rollback = true },
            deploymentMinimumHealthyPercent = 50,
            deploymentMaximumPercent = 150,
            healthCheckGracePeriodSeconds = 90,
            waitForSteadyState = false,
        });
    }

    [Test]
    public void Tasks_accept_traffic_only_from_the_load_balancer_on_the_container_port()
    {
        var template = StackFixtures.Staging();

        var sg = template.Resource("service-security-group")["properties"]!;
        TemplateAssert.Matches(sg["ingress"], new[]
        {
            new { protocol = "tcp", fromPort = 8000, toPort = 8000, securityGroups = new[] { "${alb-security-group.id}" } },
        }, "ingress");
        sg["ingress"]![0]!.AsObject().ContainsKey("cidrBlocks").ShouldBeFalse();
        template.HasResourceProperties("aws:ecs:Service", new
        {
            networkConfiguration = new { securityGroups = new[] { "${service-security-group.id}" } },
        });
    }

    [Test]
    public void Https_listener_uses_modern_tls_and_http_redirects_to_it_when_a_certificate_is_configured()
    {
        var template = StackFixtures.Staging();

        template.HasResourceProperties("aws:lb:Listener", new
        {
            port = 443,
            protocol = "HTTPS",
            sslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06",
            certificateArn = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000001",
            defaultActions = new[] { new { type = "fixed-response", fixedResponse = new { statusCode = "404" } } },
        });
        template.HasResourceProperties("aws:lb:Listener", new
        {
            port = 80,
            defaultActions = new[] { new { type = "redirect", redirect = new { protocol = "HTTPS", port = "443", statusCode = "HTTP_301" } } },
        });
    }

    [Test]
    public void Without_a_certificate_the_only_listener_is_http_with_a_fixed_404()
    {
        var template = StackFixtures.Staging("!certificateArn", "!hostedZoneId", "!host", "!previewDomain");

        template.ResourceCountIs("aws:lb:Listener", 1);
        template.HasResourceProperties("aws:lb:Listener", new
        {
            port = 80,
            protocol = "HTTP",
            sslPolicy = TemplateAssert.Absent,
            defaultActions = new[] { new { type = "fixed-response", fixedResponse = new { statusCode = "404" } } },
        });
        template.Output("url")!.GetValue<string>().ShouldBe("http://${load-balancer.dnsName}");
    }

    [Test]
    public void Load_balancer_sits_in_public_subnets_and_drops_invalid_headers()
    {
        StackFixtures.Staging().HasResourceProperties("aws:lb:LoadBalancer", new
        {
            name = "shop-staging",
            @internal = false,
            subnets = "${vpc.publicSubnetIds}",
            dropInvalidHeaderFields = true,
            enableDeletionProtection = false,
        });
    }

    [Test]
    public void Cluster_has_container_insights_and_both_fargate_capacity_providers()
    {
        var template = StackFixtures.Staging();

        template.HasResourceProperties("aws:ecs:Cluster", new { settings = new[] { new { name = "containerInsights", value = "enabled" } } });
        template.HasResourceProperties("aws:ecs:ClusterCapacityProviders", new { capacityProviders = new[] { "FARGATE", "FARGATE_SPOT" } });
    }

    [Test]
    public void Repository_scans_on_push_and_keeps_the_newest_n_images()
    {
        var template = StackFixtures.Staging("ecrKeepImages=15");

        template.HasResourceProperties("aws:ecr:Repository", new { imageScanningConfiguration = new { scanOnPush = true } });
        template.HasResourceProperties("aws:ecr:LifecyclePolicy", new
        {
            policy = new Dictionary<string, object>
            {
                ["fn::toJSON"] = new { rules = new[] { new { selection = new { countType = "imageCountMoreThan", countNumber = 15 }, action = new { type = "expire" } } } },
            },
        });
    }

    [Test]
    public void Autoscaling_tracks_cpu_and_memory_between_min_and_max_tasks()
    {
        var template = StackFixtures.Staging("minTasks=2", "maxTasks=6", "cpuTarget=65");

        template.HasResourceProperties("aws:appautoscaling:Target", new { minCapacity = 2, maxCapacity = 6, scalableDimension = "ecs:service:DesiredCount" });
        template.HasResourceProperties("aws:appautoscaling:Policy", new
        {
            targetTrackingScalingPolicyConfiguration = new { targetValue = 65, predefinedMetricSpecification = new { predefinedMetricType = "ECSServiceAverageCPUUtilization" } },
        });
        template.HasResourceProperties("aws:appautoscaling:Policy", new
        {
            targetTrackingScalingPolicyConfiguration = new { targetValue = 70, predefinedMetricSpecification = new { predefinedMetricType = "ECSServiceAverageMemoryUtilization" } },
        });
        TemplateAssert.Matches(template.Resource("service")["options"], new { ignoreChanges = new[] { "desiredCount" } }, "service options");
    }

    [Test]
    public void A_held_service_has_no_tasks_and_auto_scaling_may_not_start_one()
    {
        var held = StackFixtures.Staging("minTasks=2", "maxTasks=6", "serviceHeld=true");
        var started = StackFixtures.Staging("minTasks=2", "maxTasks=6", "serviceHeld=false");

        held.HasResourceProperties("aws:ecs:Service", new { desiredCount = 0 });
        held.HasResourceProperties("aws:appautoscaling:Target", new { minCapacity = 0, maxCapacity = 0 });
        held.Output("serviceHeld")!.GetValue<bool>().ShouldBeTrue();
        started.HasResourceProperties("aws:ecs:Service", new { desiredCount = 2 });
        started.HasResourceProperties("aws:appautoscaling:Target", new { minCapacity = 2, maxCapacity = 6 });
        started.Output("serviceHeld")!.GetValue<bool>().ShouldBeFalse();
    }

    [Test]
    public void Task_definition_sizes_port_logs_environment_and_secrets_come_from_config()
    {
        var template = StackFixtures.Staging();

        template.HasResourceProperties("aws:ecs:TaskDefinition", new
        {
            family = "shop-staging",
            cpu = "512",
            memory = "1024",
            networkMode = "awsvpc",
            requiresCompatibilities = new[] { "FARGATE" },
            executionRoleArn = "${execution-role.arn}",
            taskRoleArn = "${task-role.arn}",
            containerDefinitions = new Dictionary<string, object>
            {
                ["fn::toJSON"] = new[]
                {
                    new
                    {
                        name = "app",
                        image = "${repository.repositoryUrl}:latest",
                        portMappings = new[] { new { containerPort = 8000 } },
                        secrets = new object[]
                        {
                            new { name = "DATABASE_PASSWORD", valueFrom = "${database.masterUserSecrets[0].secretArn}:password::" },
                            new { name = "DATABASE_USERNAME", valueFrom = "${database.masterUserSecrets[0].secretArn}:username::" },
                            new { name = "SECRET_KEY", valueFrom = "arn:aws:ssm:eu-west-1:123456789012:parameter/shop/staging/secret-key" },
                        },
                        logConfiguration = new { logDriver = "awslogs", options = new Dictionary<string, string> { ["awslogs-group"] = "${log-group.name}", ["awslogs-stream-prefix"] = "app" } },
                    },
                },
            },
        });
    }

    [Test]
    public void Database_password_is_never_a_plain_value()
    {
        var template = StackFixtures.Staging();

        template.HasResourceProperties("aws:rds:Instance", new { manageMasterUserPassword = true, password = TemplateAssert.Absent });
        var json = template.Root.ToJsonString();
        json.ShouldNotContain("DATABASE_PASSWORD\",\"value\"");
        json.ShouldNotContain("DATABASE_URL");
    }

    [Test]
    public void Migration_task_definition_uses_the_next_image_and_the_configured_command()
    {
        var template = StackFixtures.Staging("imageTag=1.0.0-aaaaaaa", "migrationImageTag=1.1.0-bbbbbbb");

        var migration = template.Resource("migration-task-definition")["properties"]!;
        TemplateAssert.Matches(migration, new
        {
            family = "shop-staging-migrate",
            containerDefinitions = new Dictionary<string, object>
            {
                ["fn::toJSON"] = new[]
                {
                    new
                    {
                        name = "app",
                        image = "${repository.repositoryUrl}:1.1.0-bbbbbbb",
                        command = new[] { "alembic", "upgrade", "head" },
                        portMappings = TemplateAssert.Absent,
                        logConfiguration = new { options = new Dictionary<string, string> { ["awslogs-stream-prefix"] = "migrate" } },
                    },
                },
            },
        }, "migration task definition");
        TemplateAssert.Matches(template.Resource("app-task-definition")["properties"], new
        {
            containerDefinitions = new Dictionary<string, object> { ["fn::toJSON"] = new[] { new { image = "${repository.repositoryUrl}:1.0.0-aaaaaaa" } } },
        }, "app task definition");
        foreach (var output in new[] { "migrationTaskDefinitionArn", "migrationContainerName", "migrationClusterArn", "migrationSubnetIds", "migrationSecurityGroupId" })
            template.Output(output).ShouldNotBeNull();
    }

    [Test]
    public void Execution_and_task_roles_are_separate_and_the_execution_policy_names_its_resources()
    {
        var template = StackFixtures.Staging();

        template.HasResourceProperties("aws:iam:Role", new { name = "shop-staging-execution" });
        template.HasResourceProperties("aws:iam:Role", new { name = "shop-staging-task" });
        var policy = template.Resource("execution-role-policy")["properties"]!["policy"]!["fn::toJSON"]!.ToJsonString();
        policy.ShouldContain("${repository.arn}");
        policy.ShouldContain("${log-group.arn}:*");
        policy.ShouldContain("arn:aws:ssm:eu-west-1:123456789012:parameter/shop/staging/secret-key");
        policy.ShouldNotContain("preview");
        template.Resources.Where(r => r.Value!["type"]!.GetValue<string>() == "aws:iam:RolePolicyAttachment").ShouldBeEmpty();
    }

    [Test]
    public void Log_group_has_the_configured_retention()
    {
        StackFixtures.Production().HasResourceProperties("aws:cloudwatch:LogGroup", new { name = "/deployments/shop/production", retentionInDays = 90 });
        StackFixtures.Staging().HasResourceProperties("aws:cloudwatch:LogGroup", new { retentionInDays = 30 });
    }

    [Test]
    public void Production_protects_its_database_and_load_balancer()
    {
        var template = StackFixtures.Production();

        template.HasResourceProperties("aws:rds:Instance", new
        {
            storageEncrypted = true,
            publiclyAccessible = false,
            deletionProtection = true,
            skipFinalSnapshot = false,
            finalSnapshotIdentifier = "shop-production-final-${final-snapshot-suffix.hex}",
            multiAz = true,
            backupRetentionPeriod = 14,
        });
        TemplateAssert.Matches(template.Resource("database")["options"], new { protect = true }, "database options");
        TemplateAssert.Matches(template.Resource("load-balancer")["options"], new { protect = true }, "load balancer options");
        template.HasResourceProperties("aws:ecr:Repository", new { forceDelete = false });
    }

    [Test]
    public void Staging_database_is_private_encrypted_and_unprotected()
    {
        var template = StackFixtures.Staging();

        template.HasResourceProperties("aws:rds:Instance", new
        {
            storageEncrypted = true,
            publiclyAccessible = false,
            deletionProtection = false,
            skipFinalSnapshot = true,
            finalSnapshotIdentifier = TemplateAssert.Absent,
        });
        template.Resource("database").ContainsKey("options").ShouldBeFalse();
        template.HasResourceProperties("aws:ec2:SecurityGroup", new
        {
            ingress = new[] { new { fromPort = 5432, securityGroups = new[] { "${service-security-group.id}" } } },
        });
    }

    [Test]
    public void Nat_strategy_and_availability_zones_come_from_config()
    {
        StackFixtures.Production().HasResourceProperties("awsx:ec2:Vpc", new { numberOfAvailabilityZones = 3, natGateways = new { strategy = "OnePerAz" } });
        StackFixtures.Staging().HasResourceProperties("awsx:ec2:Vpc", new { numberOfAvailabilityZones = 2, natGateways = new { strategy = "Single" } });
    }

    [Test]
    public void An_existing_vpc_is_used_by_id_and_no_vpc_is_created()
    {
        var template = StackFixtures.Staging(
            "vpcId=vpc-0123456789abcdef0",
            "publicSubnetIds=[\"subnet-00000000000000001\",\"subnet-00000000000000002\"]",
            "privateSubnetIds=[\"subnet-00000000000000003\",\"subnet-00000000000000004\"]",
            "!natGateways");

        template.ResourceCountIs("awsx:ec2:Vpc", 0);
        template.HasResourceProperties("aws:ecs:Service", new
        {
            networkConfiguration = new { subnets = new[] { "subnet-00000000000000003", "subnet-00000000000000004" } },
        });
        template.HasResourceProperties("aws:lb:LoadBalancer", new { subnets = new[] { "subnet-00000000000000001", "subnet-00000000000000002" } });
    }

    [Test]
    public void Dns_creates_the_host_record_and_the_wildcard_record_and_certificate_for_previews()
    {
        var template = StackFixtures.Staging();

        template.HasResourceProperties("aws:route53:Record", new { name = "staging.shop.example.com", type = "A" });
        template.HasResourceProperties("aws:route53:Record", new { name = "*.preview.shop.example.com", type = "A" });
        template.HasResourceProperties("aws:acm:Certificate", new { domainName = "*.preview.shop.example.com", validationMethod = "DNS" });
        template.HasResourceProperties("aws:lb:ListenerCertificate", new { certificateArn = "${preview-certificate-validation.certificateArn}" });
        template.Output("previewDomain")!.GetValue<string>().ShouldBe("preview.shop.example.com");
        template.Output("url")!.GetValue<string>().ShouldBe("https://staging.shop.example.com");
    }

    [Test]
    public void Environment_rule_matches_its_host_with_the_last_priority()
    {
        StackFixtures.Staging().HasResourceProperties("aws:lb:ListenerRule", new
        {
            priority = 50000,
            conditions = new[] { new { hostHeader = new { values = new[] { "staging.shop.example.com" } } } },
        });
    }

    [Test]
    public void A_docker_build_context_builds_and_pushes_the_image_with_the_pipeline_tags()
    {
        var template = StackFixtures.Staging("!imageTag", "build={\"context\":\"./app\",\"sha\":\"3f9a2c1d0e\",\"version\":\"1.4.2\",\"branch\":\"main\"}");

        template.HasResourceProperties("docker-build:Image", new
        {
            push = true,
            context = new { location = "./app" },
            tags = new[]
            {
                "${repository.repositoryUrl}:3f9a2c1",
                "${repository.repositoryUrl}:1.4.2-3f9a2c1",
                "${repository.repositoryUrl}:latest",
            },
            registries = new[] { new { address = "${repository.repositoryUrl}", username = "${registry-auth.userName}" } },
        });
        template.Root["variables"]!["registry-auth"]!["fn::invoke"]!["function"]!.GetValue<string>().ShouldBe("aws:ecr:getAuthorizationToken");
        template.Output("imageTag")!.GetValue<string>().ShouldBe("3f9a2c1");
    }

    [Test]
    public void A_build_off_the_default_branch_is_not_tagged_latest()
    {
        var template = StackFixtures.Staging("!imageTag", "build={\"context\":\"./app\",\"sha\":\"3f9a2c1d0e\",\"branch\":\"feature/x\"}");

        template.HasResourceProperties("docker-build:Image", new { tags = new[] { "${repository.repositoryUrl}:3f9a2c1" } });
    }

    [Test]
    public void Preview_defaults_are_an_output_for_the_deployer()
    {
        TemplateAssert.Matches(StackFixtures.Staging().Output("previewDefaults"), new
        {
            cpu = 256,
            memory = 512,
            spot = true,
            logRetentionDays = 3,
            databaseStrategy = "sidecar",
            migrationCommand = new[] { "alembic", "upgrade", "head" },
            env = new { APP_ENV = "preview" },
        }, "previewDefaults");
    }

    [Test]
    public void Task_policies_are_attached_to_the_task_role_by_a_stable_name()
    {
        var template = StackFixtures.Staging("taskPolicyArns=[\"arn:aws:iam::123456789012:policy/b\",\"arn:aws:iam::123456789012:policy/a\"]");
        var reversed = StackFixtures.Staging("taskPolicyArns=[\"arn:aws:iam::123456789012:policy/a\",\"arn:aws:iam::123456789012:policy/b\"]");

        template.ResourceCountIs("aws:iam:RolePolicyAttachment", 2);
        template.Resources.Select(r => r.Key).ShouldBe(reversed.Resources.Select(r => r.Key));
    }
}
