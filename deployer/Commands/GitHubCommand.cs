using System.CommandLine;

namespace Deployments.Deployer.Commands;

/// <summary><c>deployer github …</c>: running from GitHub Actions.</summary>
public sealed class GitHubCommand : Command
{
    public GitHubCommand(CommandContext context) : base("github", "Run from GitHub Actions on pull-request events") =>
        Subcommands.Add(new GitHubEventCommand(context));
}
