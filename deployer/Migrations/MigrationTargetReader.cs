using System.Text.Json;
using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Migrations;

/// <summary>Reads a stack's migration contract from its outputs (the same names in environment and preview stacks).</summary>
public static class MigrationTargetReader
{
    public static MigrationTarget Read(string stack, IReadOnlyDictionary<string, JsonElement> values)
    {
        var outputs = new StackOutputs(stack, values);
        return new MigrationTarget(stack, outputs.Text("region"), outputs.Text("migrationClusterArn"), outputs.Text("migrationTaskDefinitionArn"),
            outputs.Text("migrationContainerName"), outputs.List("migrationSubnetIds"), outputs.Text("migrationSecurityGroupId"),
            outputs.Text("migrationLogGroupName"), outputs.Text("migrationLogStreamPrefix"), outputs.List("migrationCommand"));
    }

    /// <summary>The default command, or its program with other arguments (<c>-- downgrade -1</c> → <c>alembic downgrade -1</c>).</summary>
    public static IReadOnlyList<string>? Command(MigrationTarget target, IReadOnlyList<string> args) =>
        args.Count == 0 ? null : target.DefaultCommand.Count == 0 ? args : [target.DefaultCommand[0], .. args];
}
