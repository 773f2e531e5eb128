using System.Globalization;
using System.Text;
using Deployments.Deployer.GitHub;

namespace Deployments.Deployer.Review;

/// <summary>
/// An environment's review as text (the terminal) and as Markdown (the pull request comment and the step summary).
/// Stateful replacements and deletions come first, in words; then the counts, the cost delta, what a merge applies,
/// and the resources with the properties that change, folded in <c>&lt;details&gt;</c>. The Markdown is built within a
/// budget: rows past it are left out with a note pointing to the step summary, which has them all. Names and property
/// paths go through <see cref="MarkdownText"/> (a pull request's program chooses them); values are never shown.
/// </summary>
public static class ReviewRenderer
{
    public static string Text(EnvironmentReview review)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{review.Environment}: {Counts(review)}; {Cost(review.Cost)}\n");
        foreach (var hazard in review.Hazards)
            text.Append(CultureInfo.InvariantCulture, $"  !! {hazard.Name} ({hazard.Type}): {hazard.Hazard}{Because(hazard, s => s)}\n");
        foreach (var change in review.Changes.Where(c => c.Hazard is null))
            text.Append(CultureInfo.InvariantCulture, $"  {Symbol(change.Op)} {change.Name} ({change.Type}){(change.Properties.Count > 0 ? ": " + string.Join(", ", change.Properties) : "")}\n");
        return text.ToString();
    }

    /// <summary>The Markdown of one environment, at most <paramref name="budget"/> characters when that is not <c>null</c>.</summary>
    public static string Markdown(EnvironmentReview review, string mergeNote, int? budget)
    {
        var env = MarkdownText.Escape(review.Environment);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"### Infrastructure review: {env}\n\n");
        if (review.Hazards.Any())
        {
            head.Append(CultureInfo.InvariantCulture, $"> [!CAUTION]\n> **Merging this pull request REPLACES or DELETES stateful or protected resources of {env}.** Data, addresses or history they hold are lost:\n");
            foreach (var hazard in review.Hazards)
                head.Append(CultureInfo.InvariantCulture, $"> - **{MarkdownText.Escape(hazard.Name)}** ({MarkdownText.Escape(hazard.Type)}): {hazard.Hazard}{Because(hazard, MarkdownText.Escape)}\n");
            head.Append('\n');
        }
        head.Append(CultureInfo.InvariantCulture, $"**{Counts(review)}** · {Cost(review.Cost)}\n\n{mergeNote}\n");
        if (review.Changes.Count == 0) return head.ToString();

        const string open = "\n<details><summary>Resources that change</summary>\n\n| change | resource | type | properties |\n|---|---|---|---|\n";
        const string close = "\n</details>\n";
        var rows = review.Changes.Select(Row).ToList();
        var body = new StringBuilder(head.ToString()).Append(open);
        var shown = 0;
        foreach (var row in rows)
        {
            // Room for the note and the closing tag, whatever is left out.
            if (budget is int max && body.Length + row.Length + close.Length + 200 > max) break;
            body.Append(row);
            shown++;
        }
        if (shown < rows.Count)
            body.Append(CultureInfo.InvariantCulture, $"\n{rows.Count - shown} more resources are left out to stay within GitHub's comment size limit: the run's step summary lists them all.\n");
        return body.Append(close).ToString();
    }

    private static string Row(ResourceChange c) =>
        $"| {Symbol(c.Op)} {c.Op} | {MarkdownText.Escape(c.Name)} | {MarkdownText.Escape(c.Type)} | {string.Join(", ", c.Properties.Select(MarkdownText.Escape))} |\n";

    private static string Because(ResourceChange c, Func<string, string> escape) =>
        c.ReplaceReasons.Count > 0 ? $" (because {string.Join(", ", c.ReplaceReasons.Select(escape))} changes)" : "";

    private static string Counts(EnvironmentReview r) => r.Changes.Count == 0
        ? "no changes"
        : $"{r.Count("create")} to create, {r.Count("update")} to update, {r.Count("replace")} to replace, {r.Count("delete")} to delete";

    private static string Cost(CostDelta cost)
    {
        string Money(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);
        var currency = cost.Currency ?? "";
        if (cost.Delta is { } delta)
            return $"estimated monthly cost {Money(cost.Before!.Value)} → {Money(cost.After!.Value)} {currency} ({(delta >= 0 ? "+" : "−")}{Money(Math.Abs(delta))})";
        return cost.After is { } after
            ? $"estimated monthly cost {Money(after)} {currency}{(cost.Note is null ? "" : $" ({cost.Note})")}"
            : $"monthly cost not estimated{(cost.Note is null ? "" : $": {cost.Note}")}";
    }

    private static string Symbol(string op) => op switch
    {
        "create" => "+",
        "update" => "~",
        "replace" => "+-",
        "delete" => "-",
        _ => "*",
    };
}
