using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>The ECS cluster, with Container Insights and both Fargate capacity providers (previews use Spot).</summary>
public static class ClusterResources
{
    public static (TemplateResource Cluster, TemplateResource CapacityProviders) Add(PulumiTemplate template, string name)
    {
        var cluster = template.Add(new TemplateResource(LogicalNames.Cluster, "aws:ecs:Cluster", new Props
        {
            ["name"] = name,
            ["settings"] = new[] { new Props { ["name"] = "containerInsights", ["value"] = "enabled" } },
        }));
        var providers = template.Add(new TemplateResource(LogicalNames.ClusterCapacityProviders, "aws:ecs:ClusterCapacityProviders", new Props
        {
            ["clusterName"] = cluster.Out("name"),
            ["capacityProviders"] = new[] { "FARGATE", "FARGATE_SPOT" },
            ["defaultCapacityProviderStrategies"] = new[] { new Props { ["capacityProvider"] = "FARGATE", ["weight"] = 1, ["base"] = 1 } },
        }));
        return (cluster, providers);
    }
}
