using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>
/// Renders <c>containerDefinitions</c>: the provider takes a JSON string, so the list is wrapped in
/// <c>fn::toJSON</c>, which lets it carry expressions such as the log group name.
/// Shape: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
/// </summary>
public static class ContainerDefinitions
{
    public static Props Render(IEnumerable<ContainerSpec> containers) =>
        Fn.ToJson(containers.Select(Render).ToList());

    private static Props Render(ContainerSpec c)
    {
        var definition = new Props
        {
            ["name"] = c.Name,
            ["image"] = c.Image,
            ["essential"] = c.Essential,
        };
        if (c.Command.Count > 0) definition["command"] = c.Command.ToList();
        if (c.Port is int port)
            definition["portMappings"] = new[] { new Props { ["containerPort"] = port, ["protocol"] = "tcp" } };
        // Sorted so that the rendered JSON (and the task definition revision) only changes when a value does.
        definition["environment"] = SortedKeys.Of(c.Environment)
            .Select(name => new Props { ["name"] = name, ["value"] = c.Environment[name] }).ToList();
        definition["secrets"] = SortedKeys.Of(c.Secrets)
            .Select(name => new Props { ["name"] = name, ["valueFrom"] = c.Secrets[name] }).ToList();
        definition["logConfiguration"] = new Props
        {
            ["logDriver"] = "awslogs",
            ["options"] = new Props
            {
                ["awslogs-group"] = c.LogGroup,
                ["awslogs-region"] = c.Region,
                ["awslogs-stream-prefix"] = c.StreamPrefix,
            },
        };
        if (c.HealthCheckCommand.Count > 0)
        {
            definition["healthCheck"] = new Props
            {
                ["command"] = c.HealthCheckCommand.ToList(),
                ["interval"] = 5,
                ["timeout"] = 3,
                ["retries"] = 10,
                ["startPeriod"] = 5,
            };
        }
        if (c.DependsOn.Count > 0)
            definition["dependsOn"] = c.DependsOn.Select(d => new Props { ["containerName"] = d.ContainerName, ["condition"] = d.Condition }).ToList();
        return definition;
    }
}
