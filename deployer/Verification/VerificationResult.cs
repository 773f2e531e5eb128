namespace Deployments.Deployer.Verification;

/// <summary>Whether a deployment proved itself, and if not why, with the service's latest events.</summary>
public sealed record VerificationResult(bool Succeeded, string? Failure, IReadOnlyList<string> Events)
{
    public static VerificationResult Ok() => new(true, null, []);
    public static VerificationResult Failed(string why, IReadOnlyList<string> events) => new(false, why, events);

    public string Describe() => Failure + (Events.Count == 0 ? "" : "\nlatest service events:\n  " + string.Join("\n  ", Events));
}
