namespace Deployments.Deployer.Cost;

/// <summary>
/// A monthly estimate for a stack in <see cref="Region"/>: its lines, their total and the assumptions behind them; or,
/// when no price table covers the region, no lines, no total and <see cref="Unavailable"/> saying why (never another
/// region's prices).
/// </summary>
public sealed record CostEstimate(string Region, string? Currency, IReadOnlyList<CostLine> Lines, IReadOnlyList<string> Assumptions, string? Unavailable)
{
    public static CostEstimate Priced(string region, string currency, IReadOnlyList<CostLine> lines, IReadOnlyList<string> assumptions) =>
        new(region, currency, lines, assumptions, Unavailable: null);

    public static CostEstimate Unpriced(string region, string why) => new(region, Currency: null, [], [], why);

    /// <summary>The region whose prices were used: the stack's, or null when there were none.</summary>
    public string? PriceRegion => Unavailable is null ? Region : null;

    public decimal? MonthlyTotal => Unavailable is null ? Lines.Sum(l => l.Monthly) : null;
}
