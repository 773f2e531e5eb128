using System.Globalization;
using System.Text.Json;
using Deployments.Deployer.Json;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Previews;

/// <summary>
/// The whole config of a preview stack: the parent's preview defaults plus the branch's values. Every key is set on
/// every deploy, so any runner can redeploy a preview from scratch; nothing depends on a local Pulumi.&lt;stack&gt;.yaml.
/// Keys are unqualified (<c>deployments:</c>) except <c>aws:region</c>; values are strings, objects as JSON.
/// </summary>
public static class PreviewConfigBuilder
{
    public static SortedDictionary<string, string> Build(ParentInfo parent, PreviewRequest request, int rulePriority)
    {
        var d = parent.Defaults;
        var config = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["aws:region"] = parent.Region,
            ["kind"] = "preview",
            ["appName"] = parent.AppName,
            ["parentStack"] = parent.Stack,
            ["branch"] = request.Branch,
            // Set explicitly so that `preview list` can show the URL from the stack's config alone.
            ["host"] = $"{Infra.Naming.PreviewNames.For(parent.AppName, request.Source).HostLabel}.{parent.PreviewDomain}",
            ["imageTag"] = request.ImageTag,
            ["migrationImageTag"] = request.ImageTag,
            ["rulePriority"] = Text(rulePriority),
            ["cpu"] = Text(d.Cpu),
            ["memory"] = Text(d.Memory),
            ["spot"] = d.Spot ? "true" : "false",
            ["logRetentionDays"] = Text(d.LogRetentionDays),
            ["containerPort"] = Text(d.ContainerPort),
            ["healthCheckPath"] = d.HealthCheckPath,
            ["healthCheckGraceSeconds"] = Text(d.HealthCheckGraceSeconds),
            ["migrationCommand"] = JsonSerializer.Serialize(d.MigrationCommand, DeployerJsonContext.Default.IReadOnlyListString),
            ["env"] = JsonSerializer.Serialize(new SortedDictionary<string, string>(d.Environment.ToDictionary(), StringComparer.Ordinal), DeployerJsonContext.Default.SortedDictionaryStringString),
            ["secrets"] = JsonSerializer.Serialize(new SortedDictionary<string, string>(d.Secrets.ToDictionary(), StringComparer.Ordinal), DeployerJsonContext.Default.SortedDictionaryStringString),
            ["databaseStrategy"] = d.DatabaseStrategy,
            [PostureKeys.TaskEgressOpen] = d.TaskEgress.Open ? "true" : "false",
            [PostureKeys.TaskEgressRules] = JsonSerializer.Serialize(d.TaskEgress.ExtraRules.Select(r => r.ToString()).ToList(), DeployerJsonContext.Default.IReadOnlyListString),
            // With a sidecar database two tasks would hold two databases: replace, never overlap.
            ["deploymentMinHealthyPercent"] = d.DatabaseStrategy == DatabaseStrategies.Sidecar ? "0" : "100",
        };
        // Whose preview it is: the fork its names derive from, and the pull request that owns it.
        if (request.HeadRepository is { } fork) config[PreviewOwnerKeys.HeadRepository] = fork;
        if (request.PullRequest is int owner) config[PreviewOwnerKeys.OwnerPullRequest] = Text(owner);
        return config;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
