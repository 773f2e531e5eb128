using Deployments.Deployer.Cost;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Tests.Cost;

public class PriceTableTests
{
    private static readonly string[] IssueRegions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"];

    private static string TableFile(string region) => Path.Combine(RepoRoot.Dir, "deployer", "data", "prices", $"{region}.json");

    [Test]
    public void The_built_in_tables_cover_the_regions_we_support()
    {
        PriceCatalog.BuiltIn().Regions.ShouldBe(IssueRegions.Order(StringComparer.Ordinal).ToList());
    }

    [Test]
    public void The_built_in_tables_are_the_data_files_embedded_in_the_assembly_so_an_installed_tool_needs_no_folder_beside_it()
    {
        // Arrange: every table file of the repository
        var files = Directory.GetFiles(Path.Combine(RepoRoot.Dir, "deployer", "data", "prices"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();

        // Act
        var catalog = PriceCatalog.BuiltIn();

        // Assert
        catalog.Regions.ShouldBe(files);
        foreach (var region in files)
        {
            var (embedded, file) = (catalog.For(region)!, PriceTable.Load(TableFile(region)));
            embedded.Prices.OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(file.Prices.OrderBy(p => p.Key, StringComparer.Ordinal), region);
            embedded.RdsInstanceHour.OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(file.RdsInstanceHour.OrderBy(p => p.Key, StringComparer.Ordinal), region);
        }
    }

    [TestCaseSource(nameof(IssueRegions))]
    public void Each_table_has_every_price_the_estimator_needs_each_with_its_source_and_date(string region)
    {
        // Act
        var table = PriceTable.Load(TableFile(region));

        // Assert
        table.Region.ShouldBe(region);
        table.Currency.ShouldBe("USD");
        foreach (var key in PriceKeys.Required) table.Prices.Keys.ShouldContain(key);
        foreach (var instanceClass in PriceKeys.RequiredInstanceClasses) table.RdsInstanceHour.Keys.ShouldContain(instanceClass);
        foreach (var (name, price) in table.Prices.Concat(table.RdsInstanceHour))
        {
            price.Value.ShouldBeGreaterThan(0m, $"{region} {name}");
            (price.Source.StartsWith("https://", StringComparison.Ordinal) || price.Estimated)
                .ShouldBeTrue($"{region} {name}: the source must be the page it was read from or say 'not found — estimated as X', not '{price.Source}'");
            if (price.Estimated)
            {
                // The figure the source line names is the one used, and the note says how it was estimated.
                decimal.Parse(price.Source[Price.EstimatedPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(price.Value, $"{region} {name}");
                price.Note.ShouldNotBeNullOrWhiteSpace($"{region} {name}: an estimate says how it was made");
            }
            else price.Date.ShouldMatch(@"\d{4}", $"{region} {name}: a figure read from a page gives the year it was read or published");
            price.Date.ShouldNotBeNullOrWhiteSpace($"{region} {name}");
        }
    }

    [TestCase("albLcuHour")]
    [TestCase("fargateSpotGbHour")]
    [TestCase("db.t4g.micro")]
    public void A_table_without_a_price_the_estimator_needs_is_refused_naming_it(string missing)
    {
        // Arrange: eu-west-1's table without one member.
        var file = Path.Combine(Path.GetTempPath(), $"prices-missing-{missing}-{Environment.ProcessId}.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(TableFile("eu-west-1")))!;
        var prices = json["prices"]!.AsObject();
        if (!prices.Remove(missing)) prices["rdsInstanceHour"]!.AsObject().Remove(missing).ShouldBeTrue();
        File.WriteAllText(file, json.ToJsonString());
        try
        {
            // Act
            var error = Should.Throw<UserInputException>(() => PriceTable.Load(file));

            // Assert
            error.Message.ShouldContain($"(eu-west-1) lacks ");
            error.Message.ShouldContain(missing);
        }
        finally { File.Delete(file); }
    }
}
