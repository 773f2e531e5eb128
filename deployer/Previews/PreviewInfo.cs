namespace Deployments.Deployer.Previews;

/// <summary>One preview as <c>preview list</c> shows it, from its stack's newest history entry.</summary>
public sealed record PreviewInfo(string Stack, string? Branch, string? Url, string? ImageTag, DateTimeOffset? LastUpdate, string? Result);
