using Deployments.Deployer.Errors;
using Deployments.Infra.Config;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Commands;

/// <summary>
/// Every stack named on the command line (<c>--stack</c>, <c>--parent</c>, an environment argument), parsed in one
/// place: <c>staging</c> or qualified <c>org/project/staging</c> (<see cref="StackName"/>). The name as given goes to the
/// CLI's <c>--stack</c>; its last part names the stack file (<c>Pulumi.&lt;name&gt;.yaml</c>) and the AWS names.
/// </summary>
public static class StackArgument
{
    public static StackName Parse(string input, string text) => StackName.TryParse(text, out var name)
        ? name
        : throw new UserInputException($"{input}: {ConfigReader.Shown(text)} is not {StackName.Allowed}");

    /// <summary>An environment stack: any name the naming rules allow for an environment, not only staging and production.</summary>
    public static StackName Environment(string input, string text)
    {
        var name = Parse(input, text);
        return NameRules.TryValidateEnvironmentName(name.Name, out var message)
            ? name
            : throw new UserInputException($"{input}: environment '{name.Name}' {message}");
    }
}
