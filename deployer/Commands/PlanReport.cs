using Deployments.Deployer.Cost;

namespace Deployments.Deployer.Commands;

/// <summary>What <c>deployer plan</c> found: the stack, where it will answer, its AWS names, its resources, its cost.</summary>
public sealed record PlanReport(
    string Kind,
    string Stack,
    string? Branch,
    string? Url,
    IReadOnlyList<KeyValuePair<string, string>> Names,
    IReadOnlyList<KeyValuePair<string, string>> Resources,
    CostEstimate Cost)
{
    /// <summary>When the preview runs (or, for an environment, its previews), e.g. <c>Mon-Fri 07:00–20:00 Europe/Paris</c>; null: around the clock.</summary>
    public string? Schedule { get; init; }
}
