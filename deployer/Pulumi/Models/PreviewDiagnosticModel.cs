namespace Deployments.Deployer.Pulumi.Models;

/// <summary>
/// Wire shape of a digest's diagnostic (<c>display.PreviewDiagnostic</c>): severity <c>info</c>, <c>info#err</c>,
/// <c>warning</c> or <c>error</c> (debug and ephemeral messages are left out of the digest), the prefix folded into the message.
/// </summary>
internal sealed class PreviewDiagnosticModel
{
    public string? Urn { get; set; }
    public string? Prefix { get; set; }
    public string? Message { get; set; }
    public string? Severity { get; set; }
}
