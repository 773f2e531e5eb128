using System.CommandLine;
using Deployments.Deployer.Cost;
using Deployments.Deployer.GitHub;
using Deployments.Deployer.Previews;
using Deployments.Deployer.Review;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>deployer env review ENV [ENV…]</c>: what merging the checked-out program and config would do to each
/// environment, changing nothing (<c>pulumi preview --json</c>); stateful replacements and deletions first. On a pull
/// request (GitHub Actions' <c>pull_request</c> event) one comment per environment, edited in place, and the whole
/// review in the step summary. Exits 0 (no changes), 10 (changes) or 11 (a stateful or protected resource replaced or
/// deleted): the worst over the environments.
/// </summary>
public sealed class EnvReviewCommand : Command
{
    /// <summary>GitHub's step summary limit per step (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#step-isolation-and-limits).</summary>
    private const int MaxStepSummary = 1024 * 1024;

    private readonly Argument<string[]> _environments = new("environment")
    {
        Description = "Environment stacks to review, e.g. staging production",
        Arity = ArgumentArity.OneOrMore,
    };
    private readonly Option<string?> _prices = new("--prices") { Description = "Price table for the cost delta instead of the built-in ones (the shape plan --show-prices prints)" };
    private readonly PulumiOptions _pulumi = new();

    public EnvReviewCommand(CommandContext context) : base("review", "Preview what merging would change in environments, changing nothing; exit 10 on changes, 11 on stateful replacements or deletions")
    {
        Arguments.Add(_environments);
        Options.Add(_prices);
        _pulumi.AddTo(this);
        SetAction(async (result, ct) =>
        {
            // Every name and file is checked before anything runs.
            var environments = result.GetValue(_environments)!.Select(e => StackArgument.Environment("environment", e)).Distinct().ToList();
            var pr = PullRequestContext.FromEnvironment(context.GetVariable);
            var (workspace, project) = _pulumi.Open(result, context, readOnly: true);
            var prices = result.GetValue(_prices);
            var estimator = new RegionalCostEstimator(prices is null ? PriceCatalog.BuiltIn() : PriceCatalog.FromFile(prices), new CostAssumptions());
            var reviewer = new EnvironmentReviewer(workspace, new StackCompilation(project.Project, context.Stats), project.Path, estimator);
            foreach (var environment in environments) reviewer.RequireStackFile(environment.Name);

            var reviews = new List<EnvironmentReview>();
            foreach (var environment in environments)
            {
                var review = await reviewer.ReviewAsync(environment.ToString(), ct);
                reviews.Add(review);
                context.Out.Write(ReviewRenderer.Text(review));
            }
            await ReportAsync(context, pr, project.Path, reviews, ct);
            var worst = reviews.Max(r => r.Verdict);
            new ActionsFiles(context.GetVariable).Output("review", ReviewVerdicts.Word(worst));
            return ReviewVerdicts.ExitCode(worst);
        });
    }

    private static async Task ReportAsync(CommandContext context, PullRequestContext? pr, string directory, IReadOnlyList<EnvironmentReview> reviews, CancellationToken ct)
    {
        var files = new ActionsFiles(context.GetVariable);
        var summary = string.Join("\n", reviews.Select(r => ReviewRenderer.Markdown(r, MergeNote.For(r.Environment, pr, directory), null)));
        files.Summary(summary.Length <= MaxStepSummary ? summary : summary[..(MaxStepSummary - 64)] + "\n\n… (cut to the step summary's 1 MiB limit)\n");
        if (pr is null) return;
        using var comments = ReviewComments.Create(context.GetVariable, pr.Repository, pr.Number, context.Clock, context.Error, ct);
        if (comments is null) return;
        foreach (var review in reviews)
            await comments.UpsertAsync(review.Environment, ReviewRenderer.Markdown(review, MergeNote.For(review.Environment, pr, directory), PreviewComment.MaxBody - 200), ct);
    }
}
