using Deployments.Infra.Config;

namespace Deployments.Deployer.Previews;

/// <summary>
/// What a preview needs from its parent environment: read from the parent's stack outputs when deploying, or from
/// its <c>Pulumi.&lt;parent&gt;.yaml</c> for the offline <c>plan</c>.
/// </summary>
public sealed record ParentInfo(string Stack, string QualifiedStack, string AppName, string Region, string PreviewDomain,
    string UrlScheme, PreviewDefaults Defaults)
{
    /// <summary>The host the environment serves (from its <c>url</c>), which no preview may equal or shadow.</summary>
    public string? Host { get; init; }
}
