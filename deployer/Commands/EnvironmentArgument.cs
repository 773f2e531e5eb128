using System.CommandLine;

namespace Deployments.Deployer.Commands;

/// <summary>The environment positional argument: any environment stack (<c>development</c>, <c>staging</c>, <c>production</c>, …).</summary>
public static class EnvironmentArgument
{
    public static Argument<string> Create() => new("environment") { Description = "Environment stack, e.g. staging, production or development (or org/project/name)" };

    /// <summary>The argument's value, validated (exit 2 otherwise), as the CLI's <c>--stack</c> takes it.</summary>
    public static string Value(ParseResult result, Argument<string> argument) =>
        StackArgument.Environment("environment", result.GetValue(argument)!).ToString();
}
