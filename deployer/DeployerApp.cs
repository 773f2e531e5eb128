using System.CommandLine;
using System.Globalization;
using Deployments.Deployer.Commands;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer;

/// <summary>The command tree and the one place where exceptions become messages and exit codes.</summary>
public static class DeployerApp
{
    /// <summary>The tool's name, which usage hints give (the executable a .NET tool install puts on PATH).</summary>
    public const string ToolCommandName = "deployments";

    /// <summary>
    /// <c>deployments compile ARGS</c> is the Pulumi YAML compiler (<see cref="Infra.CompilerProgram"/>), dispatched by
    /// Program.cs before this tree is built, so it is not one of the tree's commands: its arguments are the compiler's own.
    /// </summary>
    public const string CompileCommandName = "compile";

    public static RootCommand Build(CommandContext context) => new(
        $"Deployments: previews per branch and environments on ECS Fargate, driven through Pulumi. The Pulumi YAML compiler is '{ToolCommandName} {CompileCommandName}' (see '{ToolCommandName} {CompileCommandName} --help').")
    {
        new InitCommand(context),
        new PlanCommand(context),
        new PreviewCommand(context),
        new EnvCommand(context),
        new RollbackCommand(context),
        new StatusCommand(context),
        new MigrateCommand(context),
        new GitHubCommand(context),
    };

    public static async Task<int> RunAsync(string[] args, CommandContext context, CancellationToken cancellationToken = default)
    {
        // Before anything is printed, even a usage error: inside Actions every credential is masked in the log.
        if (context.GetVariable("GITHUB_ACTIONS") == "true")
            foreach (var mask in GitHub.ActionsMasks.Commands(context.GetVariable)) await context.Error.WriteLineAsync(mask);
        var root = Build(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await context.Error.WriteLineAsync($"error: {error.Message}");
            await context.Error.WriteLineAsync($"Run '{string.Join(' ', parsed.CommandResult.Command.Name == root.Name ? [ToolCommandName] : [ToolCommandName, .. CommandPath(parsed)])} --help' for usage.");
            return ExitCodes.UserError;
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // On Ctrl-C/SIGTERM the token is cancelled and the command gets time to let pulumi stop and unlock
            // (its grace period is 60 s) before the process ends.
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = context.Out,
                Error = context.Error,
                ProcessTerminationTimeout = TimeSpan.FromSeconds(90),
            }, cancellationToken);
        }
        catch (DeployerException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (context.GetVariable("DEPLOYMENTS_DEBUG") is null)
        {
            await context.Error.WriteLineAsync($"error: unexpected failure: {e.Message} (set DEPLOYMENTS_DEBUG=1 for details)");
            return ExitCodes.Unexpected;
        }
        finally
        {
            if (context.GetVariable("DEPLOYMENTS_TIMINGS") is { Length: > 0 })
            {
                var inPulumi = context.Stats.TimeInPulumi;
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"timings: {context.Stats.Invocations} pulumi calls, {inPulumi.TotalSeconds:0.000} s in pulumi, {(clock.Elapsed - inPulumi).TotalSeconds:0.000} s in the deployer, {context.Stats.Compiles} compiles"));
            }
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return names;
    }
}
