namespace Deployments.Deployer.Review;

/// <summary>The one mapping of a review's verdict to its exit code and to the <c>review</c> output of the GitHub Action.</summary>
public static class ReviewVerdicts
{
    public static int ExitCode(ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.NoChanges => ExitCodes.Success,
        ReviewVerdict.Changes => ExitCodes.ChangesPending,
        _ => ExitCodes.StatefulChangesPending,
    };

    /// <summary>The word workflows test (<c>steps.review.outputs.review</c>).</summary>
    public static string Word(ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.NoChanges => "no-changes",
        ReviewVerdict.Changes => "changes",
        _ => "stateful-changes",
    };
}
