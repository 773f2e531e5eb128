namespace Deployments.Deployer.Cost;

/// <summary>A monthly estimate: its lines, their total, and the assumptions behind them.</summary>
public sealed record CostEstimate(string Currency, string PriceRegion, IReadOnlyList<CostLine> Lines, IReadOnlyList<string> Assumptions)
{
    public decimal MonthlyTotal => Lines.Sum(l => l.Monthly);
}
