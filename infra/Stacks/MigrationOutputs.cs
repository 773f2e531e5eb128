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
        template.AddOutput(OutputNames.MigrationTaskDefinitionArn, migrationTask.Out("arn"));
        template.AddOutput(OutputNames.MigrationContainerName, AppContainers.ContainerName);
        template.AddOutput(OutputNames.MigrationClusterArn, clusterArn);
        template.AddOutput(OutputNames.MigrationSubnetIds, subnetIds);
        template.AddOutput(OutputNames.MigrationSecurityGroupId, securityGroupId);
        template.AddOutput(OutputNames.MigrationLogGroupName, logGroupName);
        template.AddOutput(OutputNames.MigrationLogStreamPrefix, AppContainers.MigrationStreamPrefix);
        template.AddOutput(OutputNames.MigrationCommand, command.ToList());
    }
}
