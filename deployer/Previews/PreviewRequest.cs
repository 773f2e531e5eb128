namespace Deployments.Deployer.Previews;

/// <summary>The per-branch inputs of a preview deploy.</summary>
public sealed record PreviewRequest(string Branch, string ImageTag, int? PullRequest);
