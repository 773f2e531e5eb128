using System.Text.Json;
using Deployments.Deployer.Aws;
using Deployments.Deployer.Aws.Ecs;
using Deployments.Deployer.Environments;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Migrations;
using Deployments.Deployer.Pulumi;
using Deployments.Deployer.Smoke;
using Deployments.Infra.Config;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Verification;

/// <summary>
/// The AWS side of a deploy (ARCHITECTURE.md "Deploy sequence"): run the migration from the stack's newly
/// registered migration task definition, and verify the rollout and the health endpoint after the roll. Everything
/// it needs comes from the stack's outputs; AWS clients are made only when a step needs them.
/// </summary>
public sealed class ReleaseSteps(PulumiWorkspace pulumi, IReadOnlyDictionary<string, string> environment, IClock clock, TextWriter log, ReleaseOptions options)
{
    public bool Verifies => options.Verify;

    public async Task<MigrationResult> MigrateAsync(string stack, CancellationToken ct)
    {
        var target = MigrationTargetReader.Read(stack, await pulumi.OutputsAsync(stack, ct));
        using var aws = new AwsClients(AwsSettings.Resolve(environment, target.Region), clock);
        var result = await new MigrationRunner(aws.Ecs, aws.Logs, clock, log).RunAsync(target, null, options.MigrationTimeout, ct);
        return result.Succeeded ? result : throw new MigrationFailedException(result);
    }

    private static bool MigratesInTask(StackOutputs outputs) => outputs.Flag(OutputNames.MigrationInTask);

    /// <summary>The directory smoke tests run in: the project's (the repository checkout, where <c>tests/smoke</c> is).</summary>
    public string WorkingDirectory { get; init; } = System.Environment.CurrentDirectory;

    /// <summary>Verifies an environment: rollout, health, then its own smoke tests (its <c>smokeTest</c> output).</summary>
    public Task<VerificationResult> VerifyAsync(string stack, CancellationToken ct) => VerifyAsync(stack, preview: false, null, ct);

    /// <summary>
    /// Verifies a preview: rollout, health, then the smoke tests of its parent (<c>previewDefaults.smokeTest</c>, read
    /// from the parent's outputs by the caller) — never a command from the preview's own stack, which a pull request's run writes.
    /// </summary>
    public Task<VerificationResult> VerifyPreviewAsync(string stack, SmokeTestSettings? parentSmokeTest, CancellationToken ct) =>
        VerifyAsync(stack, preview: true, parentSmokeTest, ct);

    private async Task<VerificationResult> VerifyAsync(string stack, bool preview, SmokeTestSettings? previewSmokeTest, CancellationToken ct)
    {
        if (!options.Verify)
        {
            log.WriteLine("verification skipped (--no-verify), and with it the smoke tests");
            return VerificationResult.Ok();
        }
        var raw = await pulumi.OutputsAsync(stack, ct);
        var outputs = new StackOutputs(stack, raw);
        using var aws = new AwsClients(AwsSettings.Resolve(environment, outputs.Text(OutputNames.Region)), clock);
        // A scheduled preview deployed while it sleeps has no task to verify: the deploy wakes it (someone pushed, so
        // someone is looking) until the next scheduled stop, as `preview wake` does.
        if (outputs.OptionalText(OutputNames.ScalableTargetResourceId) is { } resourceId && Previews.RunningPreview.From(raw).DesiredCount is int tasks and > 0)
        {
            log.WriteLine($"waking the scheduled preview until its next scheduled stop: {resourceId} to {tasks} task(s)");
            await aws.Scaling.SetBoundsAsync(Previews.PreviewWaker.TargetOf(resourceId), tasks, tasks, ct);
        }
        log.WriteLine($"verifying the rollout of {outputs.Text(OutputNames.ServiceName)}");
        var smokeTest = preview ? previewSmokeTest : SmokeTestOutput.Read(raw.TryGetValue(OutputNames.SmokeTest, out var s) ? s : null);
        var notify = NotifyOutput.Read(raw.TryGetValue(OutputNames.Notify, out var n) ? n : null);
        var runner = new SmokeTestRunner(environment, WorkingDirectory, log, notify is null ? [] : [notify.UrlVariable]);
        var strategy = outputs.OptionalText(OutputNames.ReleaseStrategy) ?? ReleaseSettings.RollingName;
        // A gated release runs the smoke tests at its gate, against the test route, before any production traffic
        // shifts; their verdict is ECS's CONTINUE or ROLLBACK. Rolling releases run them after the health check.
        SmokeTestResult? atGate = null;
        var gate = smokeTest is null || strategy == ReleaseSettings.RollingName ? options.Gate : async (ReleaseTestTarget target, CancellationToken token) =>
        {
            atGate = await runner.RunAsync(smokeTest, target.Url, stack, fold: true, token, new SmokeTestHeader(target.HeaderName, target.HeaderValue));
            return atGate.Passed;
        };
        var rollout = strategy == ReleaseSettings.RollingName
            ? await new RolloutVerifier(aws.Ecs, clock, log).VerifyAsync(outputs.Text(OutputNames.ClusterArn),
                outputs.Text(OutputNames.ServiceName), outputs.Text(OutputNames.AppTaskDefinitionArn), options.RolloutTimeout, ct)
            : await new ServiceDeploymentFollower(aws.Ecs, clock, log, gate).FollowAsync(FollowRequest(outputs, strategy), ct);
        if (atGate is { Passed: false })
        {
            log.WriteLine($"smoke tests of '{stack}' failed at the gate: ECS was told to roll the release back before any production traffic shifted");
            throw new SmokeTestsFailedException(stack, new Uri(outputs.Text(OutputNames.Url)), atGate, "the release is rolled back");
        }
        if (!rollout.Succeeded)
        {
            // A task that migrates its own database never serves when the migration fails: that is a migration failure
            // (exit 6, with the container's exit code and log tail), not a vague rollout failure.
            if (MigratesInTask(outputs) && await new InTaskMigrationCheck(aws.Ecs, aws.Logs, log).FindFailureAsync(outputs.Text(OutputNames.ClusterArn),
                    outputs.Text(OutputNames.ServiceName), outputs.Text(OutputNames.AppTaskDefinitionArn), outputs.Text(OutputNames.MigrationLogGroupName),
                    outputs.Text(OutputNames.MigrationLogStreamPrefix), ct) is { } failed)
                throw new MigrationFailedException(failed);
            return rollout;
        }
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
        var url = new Uri(new Uri(outputs.Text(OutputNames.Url).TrimEnd('/') + "/"), outputs.Text(OutputNames.HealthCheckPath).TrimStart('/'));
        var health = await new HealthProbe(http, clock, log).ProbeAsync(url, options.HealthTimeout, ct);
        // Health checks first: smoke tests against a service that does not answer would only fail slower.
        if (!health.Succeeded || smokeTest is null || atGate is not null) return health;
        var appUrl = new Uri(outputs.Text(OutputNames.Url));
        var result = await runner.RunAsync(smokeTest, appUrl, stack, fold: !preview, ct);
        if (!result.Passed)
            throw new SmokeTestsFailedException(stack, appUrl, result, preview
                ? $"the preview keeps running at {appUrl}, on the new image, to be looked at (nothing is rolled back)"
                : "the release is rolled back");
        return health;
    }

    /// <summary>The release as the environment stack describes it; its deadline is the stack's <c>releaseWaitMinutes</c>.</summary>
    private ReleaseFollowRequest FollowRequest(StackOutputs outputs, string strategy)
    {
        var headerValue = outputs.Text(OutputNames.TestHeaderValue);
        // Unguessable, not secret: masked anyway, so the smoke tests' output cannot spread it.
        if (environment.GetValueOrDefault("GITHUB_ACTIONS") == "true") log.WriteLine($"::add-mask::{headerValue}");
        var url = new Uri(outputs.Text(OutputNames.Url).TrimEnd('/') + "/");
        return new ReleaseFollowRequest(outputs.Text(OutputNames.ClusterArn), outputs.Text(OutputNames.ServiceName),
            outputs.Text(OutputNames.AppTaskDefinitionArn), strategy, new ReleaseTestTarget(url, outputs.Text(OutputNames.TestHeaderName), headerValue),
            outputs.Int(OutputNames.ReleaseGateMinutes), TimeSpan.FromMinutes(outputs.Int(OutputNames.ReleaseWaitMinutes)));
    }

    /// <summary>
    /// Deregisters the environment's task-definition revisions beyond <c>keepRevisions</c> per family (see
    /// <see cref="RevisionPruner"/>). A stack deployed by an older version, without the outputs, is left alone with a note.
    /// <paramref name="raw"/>: the stack's outputs as the release that just ended read them.
    /// </summary>
    public async Task PruneRevisionsAsync(string stack, IReadOnlyDictionary<string, JsonElement> raw, CancellationToken ct)
    {
        if (!raw.TryGetValue(OutputNames.KeepRevisions, out var keep) || keep.ValueKind != JsonValueKind.Number
            || !raw.TryGetValue(OutputNames.TaskDefinitionFamilies, out var families) || families.ValueKind != JsonValueKind.Array)
        {
            log.WriteLine($"old task definition revisions not cleaned up: stack '{stack}' has no '{OutputNames.KeepRevisions}' output yet");
            return;
        }
        var outputs = new StackOutputs(stack, raw);
        string? rollbackImage = null;
        try { rollbackImage = $"{outputs.Text(OutputNames.RepositoryUrl)}:{RollbackTarget.Choose(await pulumi.HistoryAsync(stack, 50, ct), pulumi.Project, null, null).ImageTag}"; }
        catch (UserInputException) { } // no earlier image: nothing to protect
        using var aws = new AwsClients(AwsSettings.Resolve(environment, outputs.Text(OutputNames.Region)), clock);
        var ecs = aws.Ecs;
        EcsService? service;
        try { (service, _) = await ecs.DescribeServiceAsync(outputs.Text(OutputNames.ClusterArn), outputs.Text(OutputNames.ServiceName), ct); }
        catch (AwsException e)
        {
            // Without the revisions in use nothing is safe to deregister.
            log.WriteLine($"warning: old task definition revisions not cleaned up: {e.Message}");
            return;
        }
        var inUse = (service?.Deployments ?? []).Select(d => d.TaskDefinition).ToHashSet(StringComparer.Ordinal);
        await new RevisionPruner(ecs, log).PruneAsync(outputs.List(OutputNames.TaskDefinitionFamilies), keep.GetInt32(), inUse, rollbackImage, ct);
    }
}
