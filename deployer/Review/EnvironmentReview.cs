namespace Deployments.Deployer.Review;

/// <summary>The review of one environment: what its preview would change, the verdict, and the cost delta.</summary>
public sealed record EnvironmentReview(string Environment, IReadOnlyList<ResourceChange> Changes, CostDelta Cost)
{
    public ReviewVerdict Verdict => ReviewClassifier.Verdict(Changes);

    public IEnumerable<ResourceChange> Hazards => Changes.Where(c => c.Hazard is not null);

    public int Count(string op) => Changes.Count(c => c.Op == op);
}
