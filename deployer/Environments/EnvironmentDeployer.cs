using System.Text.Json;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Pulumi;
using Deployments.Deployer.Pulumi.Events;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Environments;

/// <summary>
/// Deploys an image to an environment stack: sets <c>imageTag</c> and <c>migrationImageTag</c> (nothing else: the
/// rest of its config is the checked-in Pulumi.&lt;env&gt;.yaml) and updates it. Invocations: <c>stack ls</c> (the
/// stack must exist: environments are created on purpose, not on the fly), <c>config --json</c>, <c>set-all</c> only
/// when the tag changes, <c>up</c>, <c>stack output</c>.
/// </summary>
public sealed class EnvironmentDeployer(PulumiWorkspace pulumi, TextWriter log)
{
    public static void ValidateName(string environment)
    {
        if (!NameRules.TryValidateEnvironmentName(environment, out var message))
            throw new UserInputException($"environment '{environment}' {message}");
    }

    public async Task<(UpdateSummary Summary, string Url)> DeployAsync(string environment, string imageTag, string message, CancellationToken ct)
    {
        await RequireStackAsync(environment, ct);
        log.WriteLine($"deploying image {imageTag} to '{environment}'");
        await pulumi.SetConfigValuesAsync(environment, new Dictionary<string, string>
        {
            [$"{ProjectDirectory.ProjectName}:imageTag"] = imageTag,
            [$"{ProjectDirectory.ProjectName}:migrationImageTag"] = imageTag,
        }, ct);
        var summary = await pulumi.UpAsync(environment, message, ct);
        var outputs = await pulumi.OutputsAsync(environment, ct);
        return (summary, outputs.TryGetValue("url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString()! : "");
    }

    public async Task RequireStackAsync(string environment, CancellationToken ct)
    {
        if (!(await pulumi.ListStacksAsync(ct)).Any(s => StackNames.Same(s.Name, environment)))
            throw new UserInputException($"environment stack '{environment}' does not exist in this backend; create it once with 'pulumi stack init {environment}' (its config is Pulumi.{environment}.yaml)");
    }
}
