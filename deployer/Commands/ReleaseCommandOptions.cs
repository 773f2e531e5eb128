using System.CommandLine;
using Deployments.Deployer.Verification;

namespace Deployments.Deployer.Commands;

/// <summary>Options of the commands that release an image: migration and verification limits, and the ways to skip them.</summary>
public sealed class ReleaseCommandOptions
{
    public Option<bool> NoVerify { get; } = new("--no-verify") { Description = "Do not wait for the rollout and the health check (not recommended)" };
    public Option<bool> SkipMigration { get; } = new("--skip-migration") { Description = "Neither migrate nor verify: only update the stack (for stacks without a database)" };
    public Option<string> MigrationTimeout { get; } = new("--migration-timeout") { Description = "Stop the migration task and fail after this long", DefaultValueFactory = _ => "30m" };
    public Option<string> VerifyTimeout { get; } = new("--verify-timeout") { Description = "Fail when the rollout has not completed after this long", DefaultValueFactory = _ => "15m" };

    public void AddTo(Command command)
    {
        command.Options.Add(NoVerify);
        command.Options.Add(SkipMigration);
        command.Options.Add(MigrationTimeout);
        command.Options.Add(VerifyTimeout);
    }

    public ReleaseSteps? Steps(ParseResult result, Pulumi.PulumiWorkspace workspace, CommandContext context)
    {
        var options = ReleaseOptions.Default with
        {
            Verify = !result.GetValue(NoVerify),
            MigrationTimeout = Duration.Parse("--migration-timeout", result.GetValue(MigrationTimeout)!, Duration.MaxWait),
            RolloutTimeout = Duration.Parse("--verify-timeout", result.GetValue(VerifyTimeout)!, Duration.MaxWait),
        };
        return result.GetValue(SkipMigration) ? null : new ReleaseSteps(workspace, context.Environment, context.Clock, context.Error, options)
        {
            WorkingDirectory = ProjectDirectory.Find(result.GetValue<string?>(CommonOptions.ProjectDirName)).Path,
        };
    }
}
