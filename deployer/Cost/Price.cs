namespace Deployments.Deployer.Cost;

/// <summary>
/// One unit price with where it came from (a URL, or "not found — estimated as …") and when, plus an optional note
/// on how it was read (third-party page quoting AWS's list price, the AWS page to check, …).
/// </summary>
public sealed record Price(decimal Value, string Source, string Date, string? Note = null)
{
    /// <summary>How a table's <see cref="Source"/> says that no source gave the figure (its note says how it was estimated).</summary>
    public const string EstimatedPrefix = "not found — estimated as ";

    /// <summary>No source gave this figure: <c>plan</c> marks it and says to check it before quoting it.</summary>
    public bool Estimated => Source.StartsWith(EstimatedPrefix, StringComparison.Ordinal);
}
