using System.CommandLine;
using Deployments.Deployer.Aws;
using Deployments.Deployer.Migrations;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>deployer migrate --stack S [--timeout 30m] [-- ARGS]</c>: run the stack's migration task (its default command,
/// or its program with ARGS: <c>-- upgrade head</c>, <c>-- downgrade -1</c>, <c>-- current</c>, <c>-- history</c>),
/// streaming its log, and fail with the migration-failed code when it does not succeed.
/// </summary>
public sealed class MigrateCommand : Command
{
    private readonly Option<string> _stack = new("--stack") { Description = "Stack whose migration task to run", Required = true };
    private readonly Option<string> _timeout = new("--timeout") { Description = "Stop the task and fail after this long (30m, 1h)", DefaultValueFactory = _ => "30m" };
    private readonly Argument<string[]> _args = new("args") { Description = "Arguments replacing the default command's (after --)", Arity = ArgumentArity.ZeroOrMore };
    private readonly PulumiOptions _pulumi = new();

    public MigrateCommand(CommandContext context) : base("migrate", "Run the stack's database migration as a one-off ECS task")
    {
        Options.Add(_stack);
        Options.Add(_timeout);
        Arguments.Add(_args);
        _pulumi.AddTo(this);
        SetAction(async (result, ct) =>
        {
            var stack = StackArgument.Parse("--stack", result.GetValue(_stack)!).ToString();
            var timeout = Duration.Parse("--timeout", result.GetValue(_timeout)!, Duration.MaxWait);
            var (workspace, _) = _pulumi.Open(result, context);
            var target = MigrationTargetReader.Read(stack, await workspace.OutputsAsync(stack, ct));
            using var aws = new AwsClients(AwsSettings.Resolve(context.Environment, target.Region), context.Clock);
            var migration = await new MigrationRunner(aws.Ecs, aws.Logs, context.Clock, context.Error)
                .RunAsync(target, MigrationTargetReader.Command(target, result.GetValue(_args) ?? []), timeout, ct);
            if (!migration.Succeeded) throw new MigrationFailedException(migration);
            context.Out.WriteLine(migration.TaskArn);
            return ExitCodes.Success;
        });
    }
}
