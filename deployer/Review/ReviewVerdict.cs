namespace Deployments.Deployer.Review;

/// <summary>What a review found, worst last: the command exits with the worst over its environments (<see cref="ReviewVerdicts.ExitCode"/>).</summary>
public enum ReviewVerdict
{
    NoChanges,
    Changes,
    StatefulChanges,
}
