namespace Deployments.Deployer.Cost;

/// <summary>One line of an estimate: what, how much of it per month, at which unit price, from which source.</summary>
public sealed record CostLine(string Item, decimal Quantity, string Unit, Price UnitPrice)
{
    public decimal Monthly => Math.Round(Quantity * UnitPrice.Value, 2, MidpointRounding.AwayFromZero);
}
