using System.Globalization;
using System.Text;
using Deployments.Deployer.GitHub;

namespace Deployments.Deployer.Drift;

/// <summary>
/// The drift report as text (stdout) and as Markdown (the drift issue, the step summary). Values are already safe
/// (<see cref="DriftValue"/>); names and values come from the cloud, so in Markdown they go through
/// <see cref="MarkdownText"/>. Deterministic: the time is given, the order is the report's.
/// </summary>
public static class DriftRenderer
{
    private const string Absent = "(absent)";

    public static string Text(DriftReport report)
    {
        if (!report.HasDrift) return $"{report.Stack}: no drift ({Count(report.Unchanged, "resource")} as Pulumi's state says)\n";
        var text = new StringBuilder($"{report.Stack}: drift: {Summary(report)}\n");
        foreach (var resource in report.Changed)
        {
            text.Append(CultureInfo.InvariantCulture, $"  ~ {resource.Name} ({resource.Type}) changed outside Pulumi\n");
            foreach (var p in resource.Properties) text.Append(CultureInfo.InvariantCulture, $"      {p.Path}: {p.Old ?? Absent} → {p.New ?? Absent}\n");
        }
        foreach (var resource in report.Deleted) text.Append(CultureInfo.InvariantCulture, $"  - {resource.Name} ({resource.Type}) deleted outside Pulumi\n");
        return text.ToString();
    }

    public static string Title(DriftReport report) => $"Drift in {report.Stack}: {Summary(report)}";

    /// <summary>The issue's body (and step summary): what drifted, when it was seen, and what to do.</summary>
    public static string Markdown(DriftReport report, DateTimeOffset checkedAt, string? runUrl)
    {
        var stack = MarkdownText.Escape(report.Stack);
        var md = new StringBuilder($"## Drift in {stack}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"What runs in the cloud no longer matches Pulumi's state of {stack}: {MarkdownText.Escape(Summary(report))}. ");
        md.Append(CultureInfo.InvariantCulture, $"Last checked {Time(checkedAt)}{(runUrl is null ? "" : $" ([run]({runUrl}))")} by `deployments env drift`, a `pulumi refresh --preview-only` that changes nothing.\n");
        if (report.Changed.Count > 0)
        {
            md.Append("\n### Changed outside Pulumi\n\n| Resource | Type | Property | In Pulumi's state | In the cloud |\n|---|---|---|---|---|\n");
            foreach (var r in report.Changed)
                foreach (var p in r.Properties.DefaultIfEmpty(new PropertyDrift("", "update", null, null)))
                    md.Append(CultureInfo.InvariantCulture, $"| {Cell(r.Name)} | {Cell(r.Type)} | {Cell(p.Path)} | {Cell(p.Old ?? Absent)} | {Cell(p.New ?? Absent)} |\n");
        }
        if (report.Deleted.Count > 0)
        {
            md.Append("\n### Deleted outside Pulumi\n\n| Resource | Type |\n|---|---|\n");
            foreach (var r in report.Deleted) md.Append(CultureInfo.InvariantCulture, $"| {Cell(r.Name)} | {Cell(r.Type)} |\n");
        }
        md.Append(CultureInfo.InvariantCulture, $"\n### What to do\n\n- To put back what the program says: deploy {stack} again (`pulumi up` recreates what was deleted and reverts what was changed).\n");
        md.Append(CultureInfo.InvariantCulture, $"- To keep the change: make it in the program or the stack config, or take it into the state with `pulumi refresh --stack {stack}`.\n");
        md.Append("\nThis issue is edited while the drift lasts and closed by the first run that finds none.\n");
        return md.ToString();
    }

    public static string Closing(string stack, DateTimeOffset checkedAt, string? runUrl) =>
        $"No drift in {MarkdownText.Escape(stack)} any more ({Time(checkedAt)}{(runUrl is null ? "" : $", [run]({runUrl})")}): closing.";

    private static string Summary(DriftReport report)
    {
        var parts = new List<string>();
        if (report.Changed.Count > 0) parts.Add($"{Count(report.Changed.Count, "resource")} changed");
        if (report.Deleted.Count > 0) parts.Add($"{Count(report.Deleted.Count, "resource")} deleted");
        return string.Join(" and ", parts) + " outside Pulumi";
    }

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    private static string Cell(string text) => text.Length == 0 ? "" : MarkdownText.Escape(text);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
