using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Preview;

/// <summary>
/// A scheduled preview's sleep and wake: its ECS service becomes an Application Auto Scaling scalable target held at its
/// task count, and two scheduled actions move the bounds — to 0 at the schedule's stop, back to the task count at its
/// start — with cron expressions evaluated in the schedule's time zone
/// (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-scheduled-scaling.html).
/// Application Auto Scaling sets the service's desired count inside the bounds; <c>preview wake</c> raises them early
/// (RegisterScalableTarget), until the next scheduled stop lowers them again.
/// </summary>
public static class PreviewScheduleResources
{
    public const string ServiceNamespace = "ecs";
    public const string ScalableDimension = "ecs:service:DesiredCount";


    public static void Add(PulumiTemplate template, PreviewSchedule schedule, int taskCount, Expr clusterName, TemplateResource service, string serviceName)
    {
        var target = template.Add(new TemplateResource(LogicalNames.PreviewScalableTarget, "aws:appautoscaling:Target", new Props
        {
            ["serviceNamespace"] = ServiceNamespace,
            ["scalableDimension"] = ScalableDimension,
            ["resourceId"] = Expr.Interpolate("service/", clusterName, "/", service.Out("name")),
            ["minCapacity"] = taskCount,
            ["maxCapacity"] = taskCount,
        }));
        template.AddOutput(OutputNames.Schedule, schedule.Describe());
        template.AddOutput(OutputNames.ScalableTargetResourceId, target.Out("resourceId"));
        AddAction(template, LogicalNames.PreviewScheduledStop, $"{serviceName}-stop", target, schedule.StopCron, schedule.TimeZone, 0);
        AddAction(template, LogicalNames.PreviewScheduledStart, $"{serviceName}-start", target, schedule.StartCron, schedule.TimeZone, taskCount);
    }

    private static void AddAction(PulumiTemplate template, string logicalName, string name, TemplateResource target, string cron, string timeZone, int tasks) =>
        template.Add(new TemplateResource(logicalName, "aws:appautoscaling:ScheduledAction", new Props
        {
            ["name"] = name,
            ["serviceNamespace"] = target.Out("serviceNamespace"),
            ["resourceId"] = target.Out("resourceId"),
            ["scalableDimension"] = target.Out("scalableDimension"),
            ["schedule"] = cron,
            ["timezone"] = timeZone,
            ["scalableTargetAction"] = new Props { ["minCapacity"] = tasks, ["maxCapacity"] = tasks },
        }));
}
