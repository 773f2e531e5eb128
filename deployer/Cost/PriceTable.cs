using System.Text.Json;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Cost;

/// <summary>
/// Unit prices for the estimate, read from <c>deployer/data/prices.json</c> (sources and dates inside) or from a
/// file given with <c>--prices</c>. Prices are per hour unless the name says otherwise.
/// </summary>
public sealed record PriceTable(string Region, string Currency, decimal HoursPerMonth, IReadOnlyDictionary<string, Price> Prices,
    IReadOnlyDictionary<string, Price> RdsInstanceHour)
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "prices.json");

    public Price this[string name] => Prices.TryGetValue(name, out var price)
        ? price
        : throw new UserInputException($"the price table has no '{name}'; add it to the prices file (see deployer/data/prices.json)");

    /// <summary>The shipped table is a few KiB; 1 MiB leaves room for every region and instance class.</summary>
    public const long MaxBytes = InputFiles.MiB;

    public static PriceTable Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(InputFiles.ReadText(path, "--prices", MaxBytes, "a price table shaped like deployer/data/prices.json"));
            var root = document.RootElement;
            var prices = new Dictionary<string, Price>(StringComparer.Ordinal);
            var rds = new Dictionary<string, Price>(StringComparer.Ordinal);
            foreach (var entry in root.GetProperty("prices").EnumerateObject())
            {
                if (entry.Name == "rdsInstanceHour")
                    foreach (var instance in entry.Value.EnumerateObject()) rds[instance.Name] = Read(instance.Value);
                else prices[entry.Name] = Read(entry.Value);
            }
            return new PriceTable(root.GetProperty("region").GetString()!, root.GetProperty("currency").GetString()!,
                root.GetProperty("hoursPerMonth").GetDecimal(), prices, rds);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new UserInputException($"--prices: cannot read the price table '{path}': {e.Message}. It must have the shape of deployer/data/prices.json");
        }
    }

    private static Price Read(JsonElement e) =>
        new(e.GetProperty("value").GetDecimal(), e.GetProperty("source").GetString()!, e.GetProperty("date").GetString()!);
}
