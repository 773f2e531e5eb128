using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>What the app and migration task definitions of one stack share, and what tells them apart.</summary>
public sealed record AppTaskDefinitions(
    AppSettings App,
    string Family,
    string MigrationFamily,
    object ExecutionRoleArn,
    object TaskRoleArn,
    IReadOnlyList<ContainerSpec> AppContainers,
    ContainerSpec MigrationContainer,
    bool KeepOldRevisions)
{
    /// <summary>Adds both task definitions: same size and roles, different family and containers.</summary>
    public (TemplateResource App, TemplateResource Migration) AddTo(PulumiTemplate template)
    {
        TemplateResource Add(string logicalName, string family, IReadOnlyList<ContainerSpec> containers) =>
            TaskDefinitions.Add(template, new TaskDefinitionSpec
            {
                LogicalName = logicalName,
                Family = family,
                Cpu = App.Cpu,
                Memory = App.Memory,
                ExecutionRoleArn = ExecutionRoleArn,
                TaskRoleArn = TaskRoleArn,
                Containers = containers,
                KeepOldRevisions = KeepOldRevisions,
            });
        return (Add(LogicalNames.AppTaskDefinition, Family, AppContainers),
            Add(LogicalNames.MigrationTaskDefinition, MigrationFamily, [MigrationContainer]));
    }
}
