using System.Text.Json;
using Deployments.Deployer.Pulumi;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Migrations;

/// <summary>Reads a stack's migration contract from its outputs (the same names in environment and preview stacks).</summary>
public static class MigrationTargetReader
{
    public static MigrationTarget Read(string stack, IReadOnlyDictionary<string, JsonElement> values)
    {
        var outputs = new StackOutputs(stack, values);
        return new MigrationTarget(stack, outputs.Text(OutputNames.Region), outputs.Text(OutputNames.MigrationClusterArn), outputs.Text(OutputNames.MigrationTaskDefinitionArn),
            outputs.Text(OutputNames.MigrationContainerName), outputs.List(OutputNames.MigrationSubnetIds), outputs.Text(OutputNames.MigrationSecurityGroupId),
            outputs.Text(OutputNames.MigrationLogGroupName), outputs.Text(OutputNames.MigrationLogStreamPrefix), outputs.List(OutputNames.MigrationCommand));
    }

    /// <summary>The default command, or its program with other arguments (<c>-- downgrade -1</c> → <c>alembic downgrade -1</c>).</summary>
    public static IReadOnlyList<string>? Command(MigrationTarget target, IReadOnlyList<string> args) =>
        args.Count == 0 ? null : target.DefaultCommand.Count == 0 ? args : [target.DefaultCommand[0], .. args];
}
