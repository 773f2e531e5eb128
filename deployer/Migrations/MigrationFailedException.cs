using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Migrations;

/// <summary>The migration did not succeed; the message carries the reason and the log's last lines.</summary>
public sealed class MigrationFailedException(MigrationResult result)
    : DeployerException($"migration failed: {result.Failure}" + (result.LogTail.Count == 0 ? "" : "\nlast log lines:\n  " + string.Join("\n  ", result.LogTail.Select(GitHub.WorkflowCommand.Neutralize))))
{
    public MigrationResult Result { get; } = result;

    public override int ExitCode => ExitCodes.MigrationFailed;
}
