using System.Globalization;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>Fargate task definitions (aws:ecs:TaskDefinition): awsvpc networking, Linux/x86_64, sizes as strings.</summary>
public static class TaskDefinitions
{
    public static TemplateResource Add(PulumiTemplate template, TaskDefinitionSpec spec)
    {
        var props = new Props
        {
            ["family"] = spec.Family,
            // The provider types cpu and memory as strings (API: "CPU units as a string").
            ["cpu"] = spec.Cpu.ToString(CultureInfo.InvariantCulture),
            ["memory"] = spec.Memory.ToString(CultureInfo.InvariantCulture),
            ["networkMode"] = "awsvpc",
            ["requiresCompatibilities"] = new[] { "FARGATE" },
            ["runtimePlatform"] = new Props { ["operatingSystemFamily"] = "LINUX", ["cpuArchitecture"] = "X86_64" },
            ["executionRoleArn"] = spec.ExecutionRoleArn,
            ["taskRoleArn"] = spec.TaskRoleArn,
            ["containerDefinitions"] = ContainerDefinitions.Render(spec.Containers),
        };
        if (spec.KeepOldRevisions) props["skipDestroy"] = true;
        return template.Add(new TemplateResource(spec.LogicalName, "aws:ecs:TaskDefinition", props));
    }
}
