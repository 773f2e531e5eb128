using System.Text.Json;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Pulumi;
using Deployments.Deployer.Pulumi.Events;
using Deployments.Deployer.Verification;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Environments;

/// <summary>
/// Deploys an image to an environment stack in the order of ARCHITECTURE.md's deploy sequence: register the new
/// image on the migration task definition only (<c>migrationImageTag</c>; the service keeps <c>imageTag</c>), run the
/// migration, and only then roll the service (<c>imageTag</c>) and verify it. A failed migration leaves the service on
/// its image. A brand-new environment (no outputs yet) is created with its service held at 0 tasks, migrated, then
/// started. What runs now is read from the stack's outputs in the backend. The rest of the environment's config is its checked-in Pulumi.&lt;env&gt;.yaml and is never touched.
/// </summary>
public sealed class EnvironmentDeployer(PulumiWorkspace pulumi, TextWriter log, ReleaseSteps? steps)
{
    private readonly string _imageTagKey = pulumi.Project.Key(ReleaseConfig.ImageTag);
    private readonly string _migrationImageTagKey = pulumi.Project.Key(ReleaseConfig.MigrationImageTag);
    private readonly string _serviceHeldKey = pulumi.Project.Key(ReleaseConfig.ServiceHeld);

    /// <summary>Deploys; without release steps (--skip-migration) neither migrates nor verifies, and says so. Returns the
    /// stack's outputs after the release too, read once, for whatever the caller does next with them.</summary>
    public async Task<(UpdateSummary Summary, string Url, IReadOnlyDictionary<string, JsonElement> Outputs)> DeployAsync(string environment, string imageTag, string message, CancellationToken ct)
    {
        await RequireStackAsync(environment, ct);
        // What the environment runs, from the backend (its last update's outputs), not the checked-in file's imageTag.
        var running = new StackOutputs(environment, await pulumi.OutputsAsync(environment, ct));
        var current = running.OptionalText(OutputNames.ImageTag);
        var held = running.Flag(OutputNames.ServiceHeld);
        log.WriteLine($"deploying image {imageTag} to '{environment}' (now {current ?? "none"}{(held ? ", held at 0 tasks" : "")})");
        UpdateSummary summary;
        if (steps is not null && (current is null || held))
        {
            // A brand-new environment: no task of the image may serve before its migration succeeded, so the first
            // update creates the service held at 0 tasks (scaling bounds too), the migration runs, then it starts.
            log.WriteLine($"1/3 first deploy: the service is created with no tasks until the migration of {imageTag} succeeds");
            await pulumi.SetConfigValuesAsync(environment, new Dictionary<string, string> { [_imageTagKey] = imageTag, [_migrationImageTagKey] = imageTag, [_serviceHeldKey] = "true" }, ct);
            await pulumi.UpAsync(environment, $"register {imageTag} for the migration (service held at 0 tasks)", ct);
            log.WriteLine("2/3 migrating");
            await steps.MigrateAsync(environment, ct);
            log.WriteLine($"3/3 starting the service on {imageTag}");
            summary = await SetBothAndUpAsync(environment, imageTag, message, unhold: true, ct);
        }
        else if (steps is not null && current != imageTag)
        {
            log.WriteLine($"1/3 registering {imageTag} for the migration; the service stays on {current}");
            await pulumi.SetConfigValuesAsync(environment, new Dictionary<string, string> { [_imageTagKey] = current!, [_migrationImageTagKey] = imageTag }, ct);
            await pulumi.UpAsync(environment, $"register {imageTag} for the migration", ct);
            log.WriteLine("2/3 migrating");
            await steps.MigrateAsync(environment, ct);
            log.WriteLine($"3/3 rolling the service to {imageTag}");
            summary = await SetBothAndUpAsync(environment, imageTag, message, unhold: false, ct);
        }
        else
        {
            summary = await SetBothAndUpAsync(environment, imageTag, message, unhold: held, ct);
            if (steps is null) log.WriteLine("migration and verification skipped (--skip-migration)");
            else log.WriteLine($"image unchanged ({imageTag}): migration skipped");
        }
        if (steps is not null)
        {
            var verified = await steps.VerifyAsync(environment, ct);
            if (!verified.Succeeded) throw new VerificationFailedException(environment, verified);
        }
        var outputs = await pulumi.OutputsAsync(environment, ct);
        return (summary, outputs.TryGetValue(OutputNames.Url, out var url) && url.ValueKind == JsonValueKind.String ? url.GetString()! : "", outputs);
    }

    private async Task<UpdateSummary> SetBothAndUpAsync(string environment, string imageTag, string message, bool unhold, CancellationToken ct)
    {
        var values = new Dictionary<string, string> { [_imageTagKey] = imageTag, [_migrationImageTagKey] = imageTag };
        if (unhold) values[_serviceHeldKey] = "false";
        await pulumi.SetConfigValuesAsync(environment, values, ct);
        return await pulumi.UpAsync(environment, message, ct);
    }

    public async Task RequireStackAsync(string environment, CancellationToken ct)
    {
        if (!(await pulumi.ListStacksAsync(ct)).Any(s => StackNames.Same(s.Name, environment)))
            throw new UserInputException($"environment stack '{environment}' does not exist in this backend; create it once with 'pulumi stack init {environment}' (its config is Pulumi.{StackNames.Short(environment)}.yaml)");
    }
}
