using System.CommandLine;

namespace Deployments.Deployer.Commands;

/// <summary><c>deployer env …</c>: the long-lived environments.</summary>
public sealed class EnvCommand : Command
{
    public EnvCommand(CommandContext context) : base("env", "Long-lived environments (staging, production)")
    {
        Subcommands.Add(new EnvDeployCommand(context));
        Subcommands.Add(new EnvPromoteCommand(context));
        Subcommands.Add(new EnvDriftCommand(context));
        Subcommands.Add(new EnvReviewCommand(context));
    }
}
