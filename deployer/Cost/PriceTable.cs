using System.Text.Json;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Cost;

/// <summary>
/// One region's unit prices for the estimate, read from <c>deployer/data/prices/&lt;region&gt;.json</c> (sources and
/// dates inside) or from a file given with <c>--prices</c>. Prices are per hour unless the name says otherwise.
/// </summary>
public sealed record PriceTable(string Region, string Currency, decimal HoursPerMonth, IReadOnlyDictionary<string, Price> Prices,
    IReadOnlyDictionary<string, Price> RdsInstanceHour)
{
    public Price this[string name] => Prices.TryGetValue(name, out var price)
        ? price
        : throw new UserInputException($"the {Region} price table has no '{name}'; add it ({ShapeHint})");

    /// <summary>What a table file must look like, for messages: an installed tool has no data folder to point to.</summary>
    public const string ShapeHint = "shaped like a built-in table (`deployments plan --show-prices REGION` prints one)";

    /// <summary>The shipped table is a few KiB; 1 MiB leaves room for every region and instance class.</summary>
    public const long MaxBytes = InputFiles.MiB;

    public static PriceTable Load(string path)
        => Parse(InputFiles.ReadText(path, "--prices", MaxBytes, "a price table " + ShapeHint), path);

    /// <summary>A table's text; <paramref name="path"/> (its file, or its resource name) is what messages cite.</summary>
    public static PriceTable Parse(string text, string path)
    {
        PriceTable table;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var prices = new Dictionary<string, Price>(StringComparer.Ordinal);
            var rds = new Dictionary<string, Price>(StringComparer.Ordinal);
            foreach (var entry in root.GetProperty("prices").EnumerateObject())
            {
                if (entry.Name == PriceKeys.RdsInstanceHour)
                    foreach (var instance in entry.Value.EnumerateObject()) rds[instance.Name] = Read(instance.Value);
                else prices[entry.Name] = Read(entry.Value);
            }
            table = new PriceTable(root.GetProperty("region").GetString()!, root.GetProperty("currency").GetString()!,
                root.GetProperty("hoursPerMonth").GetDecimal(), prices, rds);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new UserInputException($"cannot read the price table '{path}': {e.Message}. It must be {ShapeHint}");
        }
        var missing = PriceKeys.Required.Where(k => !table.Prices.ContainsKey(k))
            .Concat(PriceKeys.RequiredInstanceClasses.Where(c => !table.RdsInstanceHour.ContainsKey(c)).Select(c => $"{PriceKeys.RdsInstanceHour}.{c}"))
            .ToList();
        return missing.Count == 0
            ? table
            : throw new UserInputException($"the price table '{path}' ({table.Region}) lacks {string.Join(", ", missing)}; every table needs {string.Join(", ", PriceKeys.Required)} and {PriceKeys.RdsInstanceHour}.{string.Join("/", PriceKeys.RequiredInstanceClasses)}");
    }

    private static Price Read(JsonElement e) => new(e.GetProperty("value").GetDecimal(), e.GetProperty("source").GetString()!,
        e.GetProperty("date").GetString()!, e.TryGetProperty("note", out var note) ? note.GetString() : null);
}
