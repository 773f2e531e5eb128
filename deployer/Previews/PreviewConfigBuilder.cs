using System.Globalization;
using Deployments.Infra.Config;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Previews;

/// <summary>
/// The whole config of a preview stack: the parent's preview defaults plus the branch's values. Every key is set on
/// every deploy, so any runner can redeploy a preview from scratch; nothing depends on a local Pulumi.&lt;stack&gt;.yaml.
/// Keys are unqualified (the project's namespace, added by the caller) except <c>aws:region</c>; values are strings, objects as JSON.
/// </summary>
public static class PreviewConfigBuilder
{
    public static SortedDictionary<string, string> Build(ParentInfo parent, PreviewRequest request, int rulePriority, int shard = 0)
    {
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
            // With a sidecar database two tasks would hold two databases: replace, never overlap.
            ["deploymentMinHealthyPercent"] = parent.Defaults.DatabaseStrategy == DatabaseStrategies.Sidecar ? "0" : "100",
        };
        // Every preview default, under the key of its name (mapped once, with the parent's output: PreviewDefaultsOutput).
        foreach (var (key, value) in PreviewDefaultsOutput.ConfigValues(parent.Defaults)) config[key] = value;
        // Whose preview it is: the fork its names derive from, and the pull request that owns it.
        if (request.HeadRepository is { } fork) config[PreviewOwnerKeys.HeadRepository] = fork;
        if (request.PullRequest is int owner) config[PreviewOwnerKeys.OwnerPullRequest] = Text(owner);
        // The load balancer it is on, kept for life; shard 0 (the environment's own) is the default, left unset so a
        // preview of an environment without shards has the config it always had.
        if (shard > 0) config[Infra.Stacks.Shards.PreviewShardKeys.ShardConfigKey] = Text(shard);
        return config;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
