using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>Application Auto Scaling of the service's task count: CPU and memory target tracking.</summary>
public static class ScalingResources
{
    public static void Add(PulumiTemplate template, TemplateResource cluster, TemplateResource service, ScalingSettings scaling)
    {
        var target = template.Add(new TemplateResource(LogicalNames.AutoscalingTarget, "aws:appautoscaling:Target", new Props
        {
            ["serviceNamespace"] = "ecs",
            ["scalableDimension"] = "ecs:service:DesiredCount",
            ["resourceId"] = Expr.Interpolate("service/", cluster.Out("name"), "/", service.Out("name")),
            ["minCapacity"] = scaling.MinTasks,
            ["maxCapacity"] = scaling.MaxTasks,
        }));
        AddPolicy(template, LogicalNames.CpuScalingPolicy, target, "ECSServiceAverageCPUUtilization", scaling.CpuTarget);
        AddPolicy(template, LogicalNames.MemoryScalingPolicy, target, "ECSServiceAverageMemoryUtilization", scaling.MemoryTarget);
    }

    private static void AddPolicy(PulumiTemplate template, string logicalName, TemplateResource target, string metric, int percent) =>
        template.Add(new TemplateResource(logicalName, "aws:appautoscaling:Policy", new Props
        {
            ["policyType"] = "TargetTrackingScaling",
            ["serviceNamespace"] = target.Out("serviceNamespace"),
            ["scalableDimension"] = target.Out("scalableDimension"),
            ["resourceId"] = target.Out("resourceId"),
            ["targetTrackingScalingPolicyConfiguration"] = new Props
            {
                ["targetValue"] = percent,
                ["predefinedMetricSpecification"] = new Props { ["predefinedMetricType"] = metric },
                // Scale out fast, scale in slowly: a brief dip must not drop capacity a spike needs again.
                ["scaleOutCooldown"] = 60,
                ["scaleInCooldown"] = 300,
            },
        }));
}
