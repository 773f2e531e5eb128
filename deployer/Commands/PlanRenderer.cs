using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deployments.Deployer.Commands;

/// <summary>Renders a <see cref="PlanReport"/> for people (aligned text) or for programs (JSON); both deterministic.</summary>
public static class PlanRenderer
{
    public static string Text(PlanReport r)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{(r.Kind == "preview" ? $"Preview of branch '{r.Branch}'" : $"Environment '{r.Stack}'")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  stack  {r.Stack}");
        if (r.Url is not null) text.AppendLine(CultureInfo.InvariantCulture, $"  url    {r.Url}");
        if (r.Schedule is { } schedule)
            text.AppendLine(r.Kind == "preview"
                ? "  runs   " + schedule + ": 0 tasks outside it (`preview wake` starts it early, until the next stop)"
                : "  previews run " + schedule + ": 0 tasks outside it");
        text.AppendLine("AWS names");
        var width = r.Names.Max(n => n.Key.Length);
        foreach (var (what, name) in r.Names) text.AppendLine(CultureInfo.InvariantCulture, $"  {what.PadRight(width)}  {name}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Resources the stack owns ({r.Resources.Count})");
        var typeWidth = r.Resources.Max(n => n.Value.Length);
        foreach (var (name, type) in r.Resources) text.AppendLine(CultureInfo.InvariantCulture, $"  {type.PadRight(typeWidth)}  {name}");
        if (r.Cost.Unavailable is { } why)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Estimated monthly cost: unknown, {why}");
            return text.ToString();
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"Estimated monthly cost: {Money(r.Cost.MonthlyTotal!.Value)} {r.Cost.Currency}");
        var itemWidth = r.Cost.Lines.Max(l => l.Item.Length);
        foreach (var line in r.Cost.Lines)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {line.Item.PadRight(itemWidth)}  {Money(line.Monthly),9}{(line.UnitPrice.Estimated ? "*" : " ")}  {Quantity(line.Quantity)} {line.Unit} × {line.UnitPrice.Value.ToString(CultureInfo.InvariantCulture)} ({line.UnitPrice.Source}, {line.UnitPrice.Date})");
        if (EstimatedLines(r.Cost) is var estimated and > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"  * {estimated} of {r.Cost.Lines.Count} unit prices were not found in any source and are estimated (how: --json, each line's note); {EstimatedAdvice}");
        text.AppendLine("Assumptions");
        foreach (var note in r.Cost.Assumptions) text.AppendLine(CultureInfo.InvariantCulture, $"  - {note}");
        return text.ToString();
    }

    public static string Json(PlanReport r)
    {
        var names = new JsonObject();
        foreach (var (what, name) in r.Names) names[what] = name;
        var root = new JsonObject
        {
            ["kind"] = r.Kind,
            ["stack"] = r.Stack,
            ["branch"] = r.Branch,
            ["url"] = r.Url,
            ["names"] = names,
            ["resources"] = new JsonArray(r.Resources.Select(x => (JsonNode)new JsonObject { ["name"] = x.Key, ["type"] = x.Value }).ToArray()),
            ["cost"] = new JsonObject
            {
                ["region"] = r.Cost.Region,
                ["currency"] = r.Cost.Currency,
                ["priceRegion"] = r.Cost.PriceRegion,
                ["monthlyTotal"] = r.Cost.MonthlyTotal,
                ["unavailable"] = r.Cost.Unavailable,
                ["estimatedLines"] = EstimatedLines(r.Cost),
                ["lines"] = new JsonArray(r.Cost.Lines.Select(l => (JsonNode)new JsonObject
                {
                    ["item"] = l.Item,
                    ["quantity"] = Math.Round(l.Quantity, 4),
                    ["unit"] = l.Unit,
                    ["unitPrice"] = l.UnitPrice.Value,
                    ["monthly"] = l.Monthly,
                    ["source"] = l.UnitPrice.Source,
                    ["estimated"] = l.UnitPrice.Estimated,
                    ["date"] = l.UnitPrice.Date,
                    ["note"] = l.UnitPrice.Note,
                }).ToArray()),
                ["assumptions"] = new JsonArray(r.Cost.Assumptions.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
            },
        };
        // Only when there is one, so that the plan of an unscheduled stack reads as before.
        if (r.Schedule is { } schedule) root.Insert(root.IndexOf("names"), "schedule", schedule);
        return root.ToJsonString(Options) + "\n";
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Where an estimated figure is checked: AWS's own pricing pages (https://aws.amazon.com/pricing/).</summary>
    public const string EstimatedAdvice = "check them on https://aws.amazon.com/pricing/ before quoting the total";

    private static int EstimatedLines(Cost.CostEstimate cost) => cost.Lines.Count(l => l.UnitPrice.Estimated);

    private static string Money(decimal value) => "$" + value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Quantity(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
