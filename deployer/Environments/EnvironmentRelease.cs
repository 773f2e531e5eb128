using Deployments.Deployer.Commands;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Migrations;
using Deployments.Deployer.Notifications;
using Deployments.Deployer.Pulumi;
using Deployments.Deployer.Smoke;
using Deployments.Deployer.Verification;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Environments;

/// <summary>
/// An environment's whole release of one image tag, shared by <c>env deploy</c> and <c>env promote</c>: the deploy
/// sequence (<see cref="EnvironmentDeployer"/>), then the old revisions' clean-up; when verification fails, the
/// automatic rollback to the previous successful image, and a failure that says so.
/// </summary>
public sealed class EnvironmentRelease(PulumiWorkspace workspace, TextWriter log, ReleaseSteps? steps, Func<string, string?>? getVariable = null)
{
    /// <summary>Tells the team about each release and failure (config <c>notify</c>); null: nobody is told.</summary>
    public ReleaseNotifier? Notifier { get; init; }

    /// <summary>Releases <paramref name="tag"/>; returns the environment's URL. Success and failure are notified, never a refusal or a cancellation.</summary>
    public async Task<string> ReleaseAsync(string environment, string tag, string message, CancellationToken ct)
    {
        try
        {
            var (url, outputs) = await ReleaseOnceAsync(environment, tag, message, ct);
            await NotifyAsync(environment, tag, null, url, outputs, ct);
            return url;
        }
        catch (DeployerException failed) when (failed is DeploymentFailedException or MigrationFailedException or SmokeTestsFailedException)
        {
            await NotifyAsync(environment, tag, failed, null, null, ct);
            throw;
        }
    }

    /// <summary><paramref name="known"/>: the outputs the release just read; null (after a failure) reads them here.</summary>
    private async Task NotifyAsync(string environment, string tag, DeployerException? failed, string? url,
        IReadOnlyDictionary<string, System.Text.Json.JsonElement>? known, CancellationToken ct)
    {
        if (Notifier is null) return;
        IReadOnlyDictionary<string, System.Text.Json.JsonElement> outputs;
        try { outputs = known ?? await workspace.OutputsAsync(environment, ct); }
        catch (DeployerException e) when (e is not CancelledException)
        {
            log.WriteLine($"warning: the team was not notified: the stack's outputs could not be read ({e.Message})");
            return;
        }
        if (NotifyOutput.Read(outputs.TryGetValue(OutputNames.Notify, out var n) ? n : null) is not { } settings) return;
        var smoke = outputs.ContainsKey(OutputNames.SmokeTest);
        var outcome = failed is not null ? $"{failed.Message.Split('\n')[0]} (exit {failed.ExitCode})"
            : steps is null ? $"'{environment}' runs {tag}; not verified (--skip-migration)"
            : !steps.Verifies ? $"'{environment}' runs {tag}; not verified (--no-verify)"
            : $"'{environment}' runs {tag}: rollout completed, health check{(smoke ? " and smoke tests" : "")} passed";
        await Notifier.NotifyAsync(settings, ReleaseNoticeFactory.Create(getVariable ?? (_ => null), environment, tag, failed is null, outcome, url), ct);
    }

    private async Task<(string Url, IReadOnlyDictionary<string, System.Text.Json.JsonElement> Outputs)> ReleaseOnceAsync(string environment, string tag, string message, CancellationToken ct)
    {
        try
        {
            var (summary, url, outputs) = await new EnvironmentDeployer(workspace, log, steps).DeployAsync(environment, tag, message, ct);
            log.WriteLine($"'{environment}' now runs {tag}: {summary.Describe()}");
            if (steps is not null) await steps.PruneRevisionsAsync(environment, outputs, ct);
            return (url, outputs);
        }
        catch (VerificationFailedException failed)
        {
            log.WriteLine($"error: {failed.Message}");
            var target = await RollBackAsync(environment, tag, "failed verification", ct);
            throw new DeploymentFailedException($"the deployment of {tag} to '{environment}' failed verification and was rolled back to {target}. {RollbackCommand.MigrationWarning}");
        }
        catch (SmokeTestsFailedException failed)
        {
            // Rolled back as a failed verification is; the exit code (9) says the team's own tests decided.
            log.WriteLine($"error: smoke tests of '{environment}' failed: {failed.Result.Outcome}");
            var target = await RollBackAsync(environment, tag, "failed smoke tests", ct);
            throw failed.With($"'{environment}' was rolled back to {target}. {RollbackCommand.MigrationWarning}");
        }
    }

    private async Task<string> RollBackAsync(string environment, string tag, string why, CancellationToken ct)
    {
        var (target, reason) = RollbackTarget.Choose(await workspace.NumberedHistoryAsync(environment, 50, ct), workspace.Project, null, null);
        log.WriteLine($"rolling '{environment}' back automatically to {target} ({reason})");
        // The rollback is not verified again: it returns to an image that was healthy, and a second failure must not loop.
        await new EnvironmentDeployer(workspace, log, null).DeployAsync(environment, target, $"automatic rollback to {target} after {why} of {tag}", ct);
        return target;
    }
}
