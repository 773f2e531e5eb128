using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>
/// ECS services (aws:ecs:Service): private subnets without public IPs, the deployment circuit breaker with
/// rollback, Fargate or Fargate Spot through capacity providers. The provider does not wait for steady state:
/// the deployer verifies the rollout itself (ARCHITECTURE.md "Deploy sequence", step 4).
/// </summary>
public static class Services
{
    public static TemplateResource Add(PulumiTemplate template, string logicalName, ServiceSpec spec)
    {
        var props = new Props
        {
            ["name"] = spec.Name,
            ["cluster"] = spec.Cluster,
            ["taskDefinition"] = spec.TaskDefinition.Out("arn"),
            ["desiredCount"] = spec.DesiredCount,
            ["capacityProviderStrategies"] = new[]
            {
                new Props { ["capacityProvider"] = spec.Spot ? "FARGATE_SPOT" : "FARGATE", ["weight"] = 1 },
            },
            ["networkConfiguration"] = new Props
            {
                ["subnets"] = spec.Subnets,
                ["securityGroups"] = spec.SecurityGroupIds,
                ["assignPublicIp"] = false,
            },
            ["loadBalancers"] = new[]
            {
                LoadBalancer(spec),
            },
            ["deploymentCircuitBreaker"] = new Props { ["enable"] = true, ["rollback"] = true },
            ["deploymentMinimumHealthyPercent"] = spec.MinHealthyPercent,
            ["deploymentMaximumPercent"] = spec.MaxPercent,
            ["healthCheckGracePeriodSeconds"] = spec.HealthCheckGraceSeconds,
            ["enableEcsManagedTags"] = true,
            ["propagateTags"] = "SERVICE",
            ["waitForSteadyState"] = false,
        };
        if (spec.Traffic is not null) props["deploymentConfiguration"] = DeploymentConfiguration(spec.Traffic.Release);
        return template.Add(new TemplateResource(logicalName, "aws:ecs:Service", props, new ResourceOptions
        {
            DependsOn = spec.DependsOn,
            IgnoreChanges = spec.ScalingOwnsDesiredCount ? ["desiredCount"] : [],
        }));
    }

    private static Props LoadBalancer(ServiceSpec spec)
    {
        var lb = new Props { ["targetGroupArn"] = spec.TargetGroupArn, ["containerName"] = "app", ["containerPort"] = spec.ContainerPort };
        if (spec.Traffic is { } t)
        {
            lb["advancedConfiguration"] = new Props
            {
                ["alternateTargetGroupArn"] = t.AlternateTargetGroupArn,
                ["productionListenerRule"] = t.ProductionListenerRuleArn,
                ["testListenerRule"] = t.TestListenerRuleArn,
                ["roleArn"] = t.RoleArn,
            };
        }
        return lb;
    }

    /// <summary>
    /// The strategy and its bake times (minutes, strings in the provider's schema). With a gate, a PAUSE hook holds
    /// the release after test traffic reached the new tasks until the deployer continues it or rolls it back; if no
    /// verdict comes, ECS rolls back at the timeout
    /// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html).
    /// </summary>
    private static Props DeploymentConfiguration(ReleaseSettings r)
    {
        var config = new Props
        {
            ["strategy"] = r.EcsStrategy,
            ["bakeTimeInMinutes"] = Minutes(r.BakeMinutes),
        };
        if (r.Strategy == ReleaseSettings.CanaryName)
            config["canaryConfiguration"] = new Props { ["canaryPercent"] = r.CanaryPercent, ["canaryBakeTimeInMinutes"] = Minutes(r.CanaryBakeMinutes) };
        if (r.Strategy == ReleaseSettings.LinearName)
            config["linearConfiguration"] = new Props { ["stepPercent"] = r.LinearStepPercent, ["stepBakeTimeInMinutes"] = Minutes(r.LinearStepBakeMinutes) };
        if (r.HasGate)
        {
            config["lifecycleHooks"] = new[]
            {
                new Props
                {
                    ["targetType"] = "PAUSE",
                    ["lifecycleStages"] = new[] { GateStage },
                    ["timeoutConfiguration"] = new Props { ["action"] = "ROLLBACK", ["timeoutInMinutes"] = Minutes(r.GateMinutes) },
                },
            };
        }
        return config;
    }

    /// <summary>The stage the gate holds: test traffic reaches the new tasks, production traffic has not moved.</summary>
    public const string GateStage = "POST_TEST_TRAFFIC_SHIFT";

    private static string Minutes(int minutes) => minutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
