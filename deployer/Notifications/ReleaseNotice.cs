namespace Deployments.Deployer.Notifications;

/// <summary>
/// What the team is told about one release: the environment, the image, the commit and who started it (from the
/// Actions run's variables, when there are any), how it ended in one line, and a link to the run.
/// </summary>
public sealed record ReleaseNotice(string Environment, string ImageTag, bool Succeeded, string Outcome)
{
    public string Strategy { get; init; } = "rolling";
    public string? Commit { get; init; }
    /// <summary>Who started the run (GITHUB_ACTOR), and who re-ran it when that is someone else (GITHUB_TRIGGERING_ACTOR).</summary>
    public string? Actor { get; init; }
    /// <summary>Who approved the run's protected-environment jobs (<see cref="RunApprovals"/>); null when that is not known.</summary>
    public IReadOnlyList<string>? ApprovedBy { get; init; }
    public string? RunUrl { get; init; }
    public string? Url { get; init; }
}
