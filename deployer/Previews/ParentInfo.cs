using Deployments.Infra.Config;

namespace Deployments.Deployer.Previews;

/// <summary>
/// What a preview needs from its parent environment: read from the parent's stack outputs when deploying, or from
/// its <c>Pulumi.&lt;parent&gt;.yaml</c> for the offline <c>plan</c>. <see cref="Stack"/> is the parent as it was named
/// (<c>staging</c>, or qualified as <c>org/project/staging</c>): the preview's <c>parentStack</c>, which the compiler
/// completes with the preview's own organization and project as the backend gives them.
/// </summary>
public sealed record ParentInfo(string Stack, string AppName, string Region, string PreviewDomain,
    string UrlScheme, PreviewDefaults Defaults)
{
    /// <summary>The host the environment serves (from its <c>url</c>), which no preview may equal or shadow.</summary>
    public string? Host { get; init; }

    /// <summary>The parent's preview load balancers (its <c>previewShards</c> output, or its own load balancer alone).</summary>
    public Shards.ShardMap Shards { get; init; } = Previews.Shards.ShardMap.Default;
}
