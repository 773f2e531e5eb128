using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>
/// What the deployer needs to run the migration as a one-off ECS task (RunTask): task definition, container,
/// cluster, network and where its logs go. Same names in environment and preview stacks.
/// </summary>
public static class MigrationOutputs
{
    public static void Add(PulumiTemplate template, TemplateResource migrationTask, object clusterArn, object subnetIds,
        object securityGroupId, object logGroupName, IReadOnlyList<string> command)
    {
        template.AddOutput("migrationTaskDefinitionArn", migrationTask.Out("arn"));
        template.AddOutput("migrationContainerName", AppContainers.ContainerName);
        template.AddOutput("migrationClusterArn", clusterArn);
        template.AddOutput("migrationSubnetIds", subnetIds);
        template.AddOutput("migrationSecurityGroupId", securityGroupId);
        template.AddOutput("migrationLogGroupName", logGroupName);
        template.AddOutput("migrationLogStreamPrefix", AppContainers.MigrationStreamPrefix);
        template.AddOutput("migrationCommand", command.ToList());
    }
}
