using Deployments.Infra.Naming;

namespace Deployments.Deployer.Previews;

/// <summary>
/// The per-branch inputs of a preview deploy. <see cref="PullRequest"/> is the owner recorded in the stack (events of
/// other pull requests cannot deploy into it or destroy it); <see cref="HeadRepository"/> the fork the branch is in.
/// </summary>
public sealed record PreviewRequest(string Branch, string ImageTag, int? PullRequest)
{
    public string? HeadRepository { get; init; }

    public PreviewSource Source => new(Branch, HeadRepository);
}
