using System.Text.Json;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Migrations;

/// <summary>Reads a stack's migration contract from its outputs (the same names in environment and preview stacks).</summary>
public static class MigrationTargetReader
{
    public static MigrationTarget Read(string stack, IReadOnlyDictionary<string, JsonElement> outputs)
    {
        string Text(string key) => outputs.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new UserInputException($"--stack: '{stack}' has no '{key}' output; deploy it with this version first");
        IReadOnlyList<string> List(string key) => outputs.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(e => e.GetString()!).ToList()
            : throw new UserInputException($"--stack: '{stack}' has no '{key}' list output; deploy it with this version first");
        return new MigrationTarget(stack, Text("region"), Text("migrationClusterArn"), Text("migrationTaskDefinitionArn"),
            Text("migrationContainerName"), List("migrationSubnetIds"), Text("migrationSecurityGroupId"), Text("migrationLogGroupName"),
            Text("migrationLogStreamPrefix"), List("migrationCommand"));
    }

    /// <summary>The default command, or its program with other arguments (<c>-- downgrade -1</c> → <c>alembic downgrade -1</c>).</summary>
    public static IReadOnlyList<string>? Command(MigrationTarget target, IReadOnlyList<string> args) =>
        args.Count == 0 ? null : target.DefaultCommand.Count == 0 ? args : [target.DefaultCommand[0], .. args];
}
