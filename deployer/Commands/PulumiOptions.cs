using System.CommandLine;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Commands;

/// <summary>The options of every command that runs Pulumi, and the workspace they configure.</summary>
public sealed class PulumiOptions
{
    public Option<string?> ProjectDir { get; } = CommonOptions.ProjectDir();
    public Option<int> LockWaitMinutes { get; } = new("--lock-wait") { Description = "Minutes to wait for a stack locked by another update", DefaultValueFactory = _ => 10 };
    public Option<int?> ClearStaleLockMinutes { get; } = new("--clear-stale-lock") { Description = "Remove locks older than this many minutes (a crashed run's) before waiting; never by default" };

    public void AddTo(Command command)
    {
        command.Options.Add(ProjectDir);
        command.Options.Add(LockWaitMinutes);
        command.Options.Add(ClearStaleLockMinutes);
    }

    /// <summary>The workspace; with <paramref name="readOnly"/> no local state directory is created (see <see cref="BackendResolver.Resolve"/>).</summary>
    public (PulumiWorkspace Workspace, ProjectDirectory Project) Open(ParseResult result, CommandContext context, bool readOnly = false)
    {
        var directory = ProjectDirectory.Find(result.GetValue(ProjectDir));
        var wait = result.GetValue(LockWaitMinutes);
        if (wait is < 0 or > 24 * 60) throw new UserInputException($"--lock-wait: '{wait}' is not allowed: minutes from 0 to 1440");
        var clear = result.GetValue(ClearStaleLockMinutes);
        if (clear is < 1) throw new UserInputException($"--clear-stale-lock: '{clear}' is not allowed: minutes, 1 or more");
        var backend = BackendResolver.Resolve(directory.Path, context.GetVariable, readOnly);
        if (backend.IsLocalDefault) context.Error.WriteLine(backend.Description);
        var cli = new PulumiProcess(directory.Path, context.Environment, backend.Environment, TimeSpan.FromSeconds(60));
        var policy = new LockPolicy(TimeSpan.FromMinutes(wait), clear is int m ? TimeSpan.FromMinutes(m) : null);
        // A live view only on a real terminal outside CI; CI logs get one line per operation.
        var live = ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected && context.GetVariable("CI") is null;
        return (new PulumiWorkspace(context.Cli ?? cli, directory.Project, context.Error, context.Clock, policy, context.Stats, live), directory);
    }
}
