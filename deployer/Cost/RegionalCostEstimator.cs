using Deployments.Deployer.Errors;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Cost;

/// <summary>
/// Prices a stack in its own region (<c>aws:region</c>): the catalog's table for that region, never another one.
/// With the built-in tables an uncovered region yields an estimate that says so (the rest of a plan is still
/// useful); a <c>--prices</c> file that covers another region is a user error.
/// </summary>
public sealed class RegionalCostEstimator(PriceCatalog catalog, CostAssumptions assumptions)
{
    public CostEstimate Environment(EnvironmentSettings s) =>
        Table(s.Region) is { } table ? new CostEstimator(table, assumptions).Environment(s) : Unpriced(s.Region);

    public CostEstimate Preview(PreviewSettings s) =>
        Table(s.Region) is { } table ? new CostEstimator(table, assumptions).Preview(s) : Unpriced(s.Region);

    private PriceTable? Table(string region)
    {
        var table = catalog.For(region);
        if (table is null && catalog.OverrideFile is { } file)
            throw new UserInputException($"--prices: '{file}' covers {string.Join(", ", catalog.Regions)}, but the stack runs in {region}; give a table whose \"region\" is \"{region}\"");
        return table;
    }

    private CostEstimate Unpriced(string region) => CostEstimate.Unpriced(region,
        $"no price table for region {region} (built-in tables: {string.Join(", ", catalog.Regions)}); pass --prices FILE with {region}'s prices, {PriceTable.ShapeHint}");
}
