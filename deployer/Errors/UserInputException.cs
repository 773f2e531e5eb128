namespace Deployments.Deployer.Errors;

/// <summary>Bad input (argument, config, branch, payload) named with what is allowed; raised before any side effect.</summary>
public sealed class UserInputException(string message) : DeployerException(message)
{
    public override int ExitCode => ExitCodes.UserError;
}
