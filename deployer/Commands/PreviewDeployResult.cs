namespace Deployments.Deployer.Commands;

/// <summary>What <c>preview deploy</c> did: the stack, where it answers, and what changed.</summary>
public sealed record PreviewDeployResult(string Stack, string Branch, string Url, string ImageTag, int RulePriority,
    IReadOnlyDictionary<string, int> ResourceChanges, TimeSpan Duration, bool Created)
{
    /// <summary>What happened to the migration step, in words ("succeeded", "skipped: …").</summary>
    public string Migration { get; init; } = "";
    public string Verification { get; init; } = "";
    public decimal? MonthlyCost { get; init; }
    /// <summary>When the preview runs (<c>Mon-Fri 07:00–20:00 Europe/Paris</c>), or null: around the clock.</summary>
    public string? Schedule { get; init; }
}
