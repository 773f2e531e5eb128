using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>
/// ECS services (aws:ecs:Service): private subnets without public IPs, the deployment circuit breaker with
/// rollback, Fargate or Fargate Spot through capacity providers. The provider does not wait for steady state:
/// the deployer verifies the rollout itself (ARCHITECTURE.md "Deploy sequence", step 4).
/// </summary>
public static class Services
{
    public static TemplateResource Add(PulumiTemplate template, string logicalName, ServiceSpec spec) =>
        template.Add(new TemplateResource(logicalName, "aws:ecs:Service", new Props
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
                new Props { ["targetGroupArn"] = spec.TargetGroupArn, ["containerName"] = "app", ["containerPort"] = spec.ContainerPort },
            },
            ["deploymentCircuitBreaker"] = new Props { ["enable"] = true, ["rollback"] = true },
            ["deploymentMinimumHealthyPercent"] = spec.MinHealthyPercent,
            ["deploymentMaximumPercent"] = spec.MaxPercent,
            ["healthCheckGracePeriodSeconds"] = spec.HealthCheckGraceSeconds,
            ["enableEcsManagedTags"] = true,
            ["propagateTags"] = "SERVICE",
            ["waitForSteadyState"] = false,
        }, new ResourceOptions
        {
            DependsOn = spec.DependsOn,
            IgnoreChanges = spec.ScalingOwnsDesiredCount ? ["desiredCount"] : [],
        }));
}
