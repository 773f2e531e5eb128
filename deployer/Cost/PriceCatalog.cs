using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Cost;

/// <summary>
/// The price tables an estimate can use, one per region: the built-in ones (<c>deployer/data/prices/&lt;region&gt;.json</c>, embedded; <c>plan --show-prices REGION</c> prints one)
/// or the one table given with <c>--prices FILE</c>, which then is the only one and must cover the stack's region.
/// </summary>
public sealed class PriceCatalog
{
    private readonly IReadOnlyDictionary<string, PriceTable> _tables;

    private PriceCatalog(IReadOnlyDictionary<string, PriceTable> tables, string? overrideFile)
    {
        _tables = tables;
        OverrideFile = overrideFile;
    }

    /// <summary>The <c>--prices</c> file this catalog was read from; null for the built-in tables.</summary>
    public string? OverrideFile { get; }

    /// <summary>The regions with a table, sorted.</summary>
    public IReadOnlyList<string> Regions => _tables.Keys.Order(StringComparer.Ordinal).ToList();

    public PriceTable? For(string region) => _tables.GetValueOrDefault(region);

    /// <summary>
    /// The tables shipped inside the assembly (<c>deployer/data/prices/&lt;region&gt;.json</c>, embedded as
    /// <c>prices/&lt;region&gt;.json</c>); a table whose <c>region</c> is not its file name is a bug in the data.
    /// </summary>
    public static PriceCatalog BuiltIn()
    {
        var assembly = typeof(PriceCatalog).Assembly;
        var tables = new Dictionary<string, PriceTable>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var table = PriceTable.Parse(reader.ReadToEnd(), resource);
            var expected = Path.GetFileNameWithoutExtension(resource);
            if (table.Region != expected)
                throw new InvalidOperationException($"price table {resource} says region '{table.Region}'; its file name says '{expected}'");
            tables[table.Region] = table;
        }
        return new PriceCatalog(tables, overrideFile: null);
    }

    private const string ResourcePrefix = "prices/";

    /// <summary>The built-in table of <paramref name="region"/> as shipped (what <c>plan --show-prices</c> prints, the
    /// shape <c>--prices FILE</c> takes); null when there is none.</summary>
    public static string? BuiltInText(string region)
    {
        var assembly = typeof(PriceCatalog).Assembly;
        var resource = ResourcePrefix + region + ".json";
        if (!assembly.GetManifestResourceNames().Contains(resource, StringComparer.Ordinal)) return null;
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }

    /// <summary>The table of <c>--prices FILE</c>; its <c>region</c> says which region it covers.</summary>
    public static PriceCatalog FromFile(string path)
    {
        try
        {
            var table = PriceTable.Load(path);
            return new PriceCatalog(new Dictionary<string, PriceTable>(StringComparer.Ordinal) { [table.Region] = table }, path);
        }
        catch (UserInputException e)
        {
            throw new UserInputException($"--prices: {e.Message}");
        }
    }
}
