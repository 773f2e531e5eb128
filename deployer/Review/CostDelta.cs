namespace Deployments.Deployer.Review;

/// <summary>
/// The estimated monthly cost (the <c>plan</c> estimator's) with the config the environment last ran with and with the
/// checked-out config; <see cref="Note"/> says why a side is missing (never deployed, no price table for the region).
/// </summary>
public sealed record CostDelta(decimal? Before, decimal? After, string? Currency, string? Note)
{
    public decimal? Delta => Before is { } b && After is { } a ? a - b : null;
}
