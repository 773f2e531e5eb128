namespace Deployments.Deployer.Pulumi.Digest;

/// <summary>A warning or error the preview reported (severity <c>info</c>, <c>info#err</c>, <c>warning</c> or <c>error</c>), with the resource it concerns when there is one.</summary>
public sealed record PreviewDiagnostic(string? Urn, string Message, string Severity);
