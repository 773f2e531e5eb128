namespace Deployments.Deployer.Errors;

/// <summary>A tool the deployer drives (the Pulumi CLI) is missing or too old: nothing was run, install advice given.</summary>
public sealed class ToolMissingException(string message) : DeployerException(message)
{
    public override int ExitCode => ExitCodes.ToolMissing;
}
