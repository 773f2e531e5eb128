namespace Deployments.Deployer.GitHub;

/// <summary>What an event asks for: deploy or destroy a branch's preview, or nothing — and why, in words.</summary>
public sealed record EventDecision(string Action, string? Branch, string? Stack, string Reason)
{
    public const string Deploy = "deploy";
    public const string Destroy = "destroy";
    public const string None = "none";
    /// <summary>Scale a scheduled preview back up now (the <see cref="EventOptions.WakeLabel"/> label was added).</summary>
    public const string Wake = "wake";

    public string? ImageTag { get; init; }
    public int? PullRequest { get; init; }
    public string? HeadSha { get; init; }
    /// <summary>The base repository (<c>owner/name</c>) of a pull request, where its comment and deployments go.</summary>
    public string? Repository { get; init; }
    /// <summary>The fork (<c>owner/name</c>) the head branch is in, or null for a branch of <see cref="Repository"/>.</summary>
    public string? HeadRepository { get; init; }
}
