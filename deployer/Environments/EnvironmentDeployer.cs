using System.Text.Json;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Pulumi;
using Deployments.Deployer.Pulumi.Events;
using Deployments.Deployer.Verification;

namespace Deployments.Deployer.Environments;

/// <summary>
/// Deploys an image to an environment stack in the order of ARCHITECTURE.md's deploy sequence: register the new
/// image on the migration task definition only (<c>migrationImageTag</c>; the service keeps <c>imageTag</c>), run the
/// migration, and only then roll the service (<c>imageTag</c>) and verify it. A failed migration leaves the service on
/// its image. The rest of the environment's config is its checked-in Pulumi.&lt;env&gt;.yaml and is never touched.
/// </summary>
public sealed class EnvironmentDeployer(PulumiWorkspace pulumi, TextWriter log, ReleaseSteps? steps)
{
    private static readonly string ImageTagKey = $"{ProjectDirectory.ProjectName}:imageTag";
    private static readonly string MigrationImageTagKey = $"{ProjectDirectory.ProjectName}:migrationImageTag";

    /// <summary>Deploys; without release steps (--skip-migration) neither migrates nor verifies, and says so.</summary>
    public async Task<(UpdateSummary Summary, string Url)> DeployAsync(string environment, string imageTag, string message, CancellationToken ct)
    {
        await RequireStackAsync(environment, ct);
        var current = (await pulumi.GetConfigAsync(environment, ct)).GetValueOrDefault(ImageTagKey);
        log.WriteLine($"deploying image {imageTag} to '{environment}' (now {current ?? "none"})");
        UpdateSummary summary;
        if (steps is not null && current is not null && current != imageTag)
        {
            log.WriteLine($"1/3 registering {imageTag} for the migration; the service stays on {current}");
            await pulumi.SetConfigValuesAsync(environment, new Dictionary<string, string> { [ImageTagKey] = current, [MigrationImageTagKey] = imageTag }, ct);
            await pulumi.UpAsync(environment, $"register {imageTag} for the migration", ct);
            log.WriteLine("2/3 migrating");
            await steps.MigrateAsync(environment, ct);
            log.WriteLine($"3/3 rolling the service to {imageTag}");
            summary = await SetBothAndUpAsync(environment, imageTag, message, ct);
        }
        else
        {
            summary = await SetBothAndUpAsync(environment, imageTag, message, ct);
            if (steps is null) log.WriteLine("migration and verification skipped (--skip-migration)");
            else if (current == imageTag) log.WriteLine($"image unchanged ({imageTag}): migration skipped");
            else await steps.MigrateAsync(environment, ct); // the first deploy: nothing older to keep serving
        }
        if (steps is not null)
        {
            var verified = await steps.VerifyAsync(environment, ct);
            if (!verified.Succeeded) throw new VerificationFailedException(environment, verified);
        }
        var outputs = await pulumi.OutputsAsync(environment, ct);
        return (summary, outputs.TryGetValue("url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString()! : "");
    }

    private async Task<UpdateSummary> SetBothAndUpAsync(string environment, string imageTag, string message, CancellationToken ct)
    {
        await pulumi.SetConfigValuesAsync(environment, new Dictionary<string, string> { [ImageTagKey] = imageTag, [MigrationImageTagKey] = imageTag }, ct);
        return await pulumi.UpAsync(environment, message, ct);
    }

    public async Task RequireStackAsync(string environment, CancellationToken ct)
    {
        if (!(await pulumi.ListStacksAsync(ct)).Any(s => StackNames.Same(s.Name, environment)))
            throw new UserInputException($"environment stack '{environment}' does not exist in this backend; create it once with 'pulumi stack init {environment}' (its config is Pulumi.{StackNames.Short(environment)}.yaml)");
    }
}
