namespace Deployments.Deployer.Migrations;

/// <summary>Where and how a stack's migration task runs: read from its outputs (infra's MigrationOutputs).</summary>
public sealed record MigrationTarget(
    string Stack,
    string Region,
    string Cluster,
    string TaskDefinition,
    string ContainerName,
    IReadOnlyList<string> Subnets,
    string SecurityGroup,
    string LogGroup,
    string LogStreamPrefix,
    IReadOnlyList<string> DefaultCommand);
