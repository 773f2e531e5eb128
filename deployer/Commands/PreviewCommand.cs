using System.CommandLine;

namespace Deployments.Deployer.Commands;

/// <summary><c>deployer preview …</c>: the per-branch preview environments.</summary>
public sealed class PreviewCommand : Command
{
    public PreviewCommand(CommandContext context) : base("preview", "Per-branch preview environments")
    {
        Subcommands.Add(new PreviewDeployCommand(context));
        Subcommands.Add(new PreviewDestroyCommand(context));
        Subcommands.Add(new PreviewListCommand(context));
        Subcommands.Add(new PreviewPruneCommand(context));
        Subcommands.Add(new PreviewWakeCommand(context));
    }
}
