using Deployments.Infra.Config;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Release;

/// <summary>Each release strategy's service, target groups, listener rules and ECS role (issue 13).</summary>
public class ReleaseStrategyTemplateTests
{
    [Test]
    public void Rolling_is_the_default_and_the_template_is_the_one_without_the_key()
    {
        // Arrange / Act
        var without = StackFixtures.CompileJson("staging", StackFixtures.FromStackFile("staging"));
        var rolling = StackFixtures.CompileJson("staging", StackFixtures.FromStackFile("staging", "releaseStrategy=rolling"));

        // Assert
        rolling.ShouldBe(without);
        var template = TemplateAssert.FromJson(rolling);
        template.Resource("service")["properties"]!.AsObject().ContainsKey("deploymentConfiguration").ShouldBeFalse();
        template.Resources.ContainsKey("alternate-target-group").ShouldBeFalse();
        template.Root["outputs"]!.AsObject().ContainsKey("releaseStrategy").ShouldBeFalse();
    }

    [Test]
    public void Blue_green_has_an_alternate_target_group_a_test_rule_the_ecs_role_and_the_advanced_configuration()
    {
        var template = StackFixtures.Staging("releaseStrategy=blue-green", "bakeMinutes=15");

        template.HasResourceProperties("aws:ecs:Service", new
        {
            deploymentConfiguration = new { strategy = "BLUE_GREEN", bakeTimeInMinutes = "15", lifecycleHooks = TemplateAssert.Absent },
            loadBalancers = new[]
            {
                new
                {
                    targetGroupArn = "${target-group.arn}",
                    advancedConfiguration = new
                    {
                        alternateTargetGroupArn = "${alternate-target-group.arn}",
                        productionListenerRule = "${listener-rule.arn}",
                        testListenerRule = "${test-listener-rule.arn}",
                        roleArn = "${ecs-load-balancer-role.arn}",
                    },
                },
            },
            deploymentCircuitBreaker = new { enable = true, rollback = true },
        });
        template.Resource("alternate-target-group")["properties"]!["name"]!.GetValue<string>().ShouldBe("shop-staging-alt");
        template.Resource("alternate-target-group")["properties"]!["healthCheck"]!["path"]!.GetValue<string>().ShouldBe("/healthz");
        // The test route: the production host AND the random header, before the production rule.
        TemplateAssert.Matches(template.Resource("test-listener-rule")["properties"], new
        {
            priority = 49999,
            conditions = new object[]
            {
                new { hostHeader = new { values = new[] { "staging.shop.example.com" } } },
                new { httpHeader = new { httpHeaderName = "x-deployments-test", values = new[] { "${test-header-value.hex}" } } },
            },
            actions = new[] { new { type = "forward", targetGroupArn = "${target-group.arn}" } },
        }, "test rule");
        template.Resource("test-header-value")["properties"]!["byteLength"]!.GetValue<int>().ShouldBe(16);
        // ECS rewrites both rules' actions during a release: Pulumi must not put them back.
        template.Resource("listener-rule")["options"]!["ignoreChanges"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["actions"]);
        template.Resource("test-listener-rule")["options"]!["ignoreChanges"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["actions"]);
        template.Output("releaseStrategy")!.GetValue<string>().ShouldBe("blue-green");
        template.Output("testHeaderName")!.GetValue<string>().ShouldBe("x-deployments-test");
        template.Output("testHeaderValue")!.GetValue<string>().ShouldBe("${test-header-value.hex}");
        template.Output("releaseWaitMinutes")!.GetValue<int>().ShouldBe(15 + ReleaseSettings.ProvisioningMarginMinutes);
    }

    [Test]
    public void The_ecs_role_is_assumed_by_ecs_of_this_account_only_and_holds_the_managed_load_balancer_policy()
    {
        var template = StackFixtures.Staging("releaseStrategy=blue-green");

        var role = template.Resource("ecs-load-balancer-role")["properties"]!;
        role["name"]!.GetValue<string>().ShouldBe("shop-staging-ecs-lb");
        var trust = role["assumeRolePolicy"]!["fn::toJSON"]!["Statement"]![0]!;
        trust["Principal"]!["Service"]!.GetValue<string>().ShouldBe("ecs.amazonaws.com");
        trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]!.GetValue<string>().ShouldBe("${account}");
        template.Resource("ecs-load-balancer-role-policy")["properties"]!["policyArn"]!.GetValue<string>()
            .ShouldBe("arn:${partition}:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers");
        template.Resource("service")["options"]!["dependsOn"]!.AsArray().Select(n => n!.GetValue<string>())
            .ShouldContain("${ecs-load-balancer-role-policy}");
    }

    [Test]
    public void The_deploy_role_may_manage_the_alternate_target_group_and_the_ecs_role_only_when_the_strategy_needs_them()
    {
        static string DeployPolicy(params string[] o) =>
            StackFixtures.Staging(o).Resource("ci-deploy-role-policy")["properties"]!["policy"]!.ToJsonString();

        DeployPolicy().ShouldNotContain("shop-staging-alt");
        DeployPolicy().ShouldNotContain("shop-staging-ecs-lb");
        DeployPolicy("releaseStrategy=canary").ShouldContain("targetgroup/shop-staging-alt/*");
        DeployPolicy("releaseStrategy=canary").ShouldContain("role/shop-staging-ecs-lb");
    }

    [Test]
    public void Canary_sends_its_percent_to_the_new_tasks_for_the_canary_bake()
    {
        var template = StackFixtures.Staging("releaseStrategy=canary", "canaryPercent=20", "canaryBakeMinutes=7", "bakeMinutes=3");

        template.HasResourceProperties("aws:ecs:Service", new
        {
            deploymentConfiguration = new
            {
                strategy = "CANARY", bakeTimeInMinutes = "3",
                canaryConfiguration = new { canaryPercent = 20, canaryBakeTimeInMinutes = "7" },
                linearConfiguration = TemplateAssert.Absent,
            },
        });
        template.Output("releaseWaitMinutes")!.GetValue<int>().ShouldBe(7 + 3 + ReleaseSettings.ProvisioningMarginMinutes);
    }

    [Test]
    public void Linear_shifts_in_steps_with_a_bake_between_them()
    {
        var template = StackFixtures.Staging("releaseStrategy=linear", "linearStepPercent=25", "linearStepBakeMinutes=4", "bakeMinutes=0");

        template.HasResourceProperties("aws:ecs:Service", new
        {
            deploymentConfiguration = new
            {
                strategy = "LINEAR", bakeTimeInMinutes = "0",
                linearConfiguration = new { stepPercent = 25, stepBakeTimeInMinutes = "4" },
                canaryConfiguration = TemplateAssert.Absent,
            },
        });
        // 4 steps of 25%: three step bakes between them.
        template.Output("releaseWaitMinutes")!.GetValue<int>().ShouldBe(3 * 4 + ReleaseSettings.ProvisioningMarginMinutes);
    }

    [Test]
    public void A_gate_pauses_after_test_traffic_and_rolls_back_when_no_verdict_comes()
    {
        var template = StackFixtures.Staging("releaseStrategy=blue-green", "releaseGateMinutes=30");

        template.HasResourceProperties("aws:ecs:Service", new
        {
            deploymentConfiguration = new
            {
                lifecycleHooks = new[]
                {
                    new
                    {
                        targetType = "PAUSE",
                        lifecycleStages = new[] { "POST_TEST_TRAFFIC_SHIFT" },
                        timeoutConfiguration = new { action = "ROLLBACK", timeoutInMinutes = "30" },
                    },
                },
            },
        });
        template.Output("releaseGateMinutes")!.GetValue<int>().ShouldBe(30);
    }

    [Test]
    public void With_smoke_tests_a_release_is_gated_long_enough_for_them_by_default()
    {
        var template = StackFixtures.Staging("releaseStrategy=blue-green", "smokeTest={\"command\":[\"pytest\"],\"timeoutSeconds\":600}");

        // 600 s of smoke tests plus the deployer's 120 s margin: 12 minutes before ECS gives up on the verdict.
        template.Output("releaseGateMinutes")!.GetValue<int>().ShouldBe(12);
        template.HasResourceProperties("aws:ecs:Service", new
        {
            deploymentConfiguration = new { lifecycleHooks = new[] { new { timeoutConfiguration = new { action = "ROLLBACK", timeoutInMinutes = "12" } } } },
        });
    }

    [Test]
    public void A_gate_shorter_than_the_smoke_tests_is_refused_naming_both_keys()
    {
        var error = Should.Throw<ConfigException>(() => StackCompiler.Compile(StackFixtures.FromStackFile("staging",
            "releaseStrategy=canary", "releaseGateMinutes=3", "smokeTest={\"command\":[\"pytest\"],\"timeoutSeconds\":300}"), "staging"));

        error.Problems.Single().Key.ShouldBe("deployments:releaseGateMinutes");
        error.Problems.Single().Message.ShouldStartWith("'3' is not allowed with smokeTest: at least 7 (smokeTest.timeoutSeconds 300 s plus 120 s)");
    }

    [TestCase("releaseStrategy=green", "deployments:releaseStrategy", "'green' is not allowed: one of rolling, blue-green, canary, linear")]
    [TestCase("canaryPercent=10", "deployments:canaryPercent", "applies only to releaseStrategy canary (this environment is 'rolling')")]
    [TestCase("bakeMinutes=5", "deployments:bakeMinutes", "applies only to releaseStrategy blue-green or canary or linear")]
    [TestCase("releaseStrategy=canary|linearStepPercent=10", "deployments:linearStepPercent", "applies only to releaseStrategy linear (this environment is 'canary')")]
    [TestCase("releaseStrategy=canary|canaryPercent=100", "deployments:canaryPercent", "'100' is not allowed: an integer from 1 to 99")]
    [TestCase("releaseStrategy=linear|linearStepPercent=2", "deployments:linearStepPercent", "'2' is not allowed: an integer from 3 to 100")]
    [TestCase("releaseStrategy=blue-green|bakeMinutes=1441", "deployments:bakeMinutes", "'1441' is not allowed: an integer from 0 to 1440")]
    [TestCase("releaseStrategy=blue-green|releaseGateMinutes=-1", "deployments:releaseGateMinutes", "'-1' is not allowed: an integer from 0 to 1440")]
    public void Bad_release_config_names_the_key_and_what_is_allowed(string assignments, string key, string message)
    {
        var error = Should.Throw<ConfigException>(() => StackCompiler.Compile(StackFixtures.FromStackFile("staging", assignments.Split('|')), "staging"));

        error.Problems.Single().Key.ShouldBe(key);
        error.Problems.Single().Message.ShouldStartWith(message);
    }
}
