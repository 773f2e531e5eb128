namespace Deployments.Infra.Config;

/// <summary>
/// The preview config keys that say whose preview it is, shared by the compiler's reader and the deployer that sets
/// and checks them. <see cref="HeadRepository"/>: the fork the branch is in (absent for this repository's branches);
/// every name derives from it and the branch. <see cref="OwnerPullRequest"/>: the pull request whose event created
/// the stack; events of another pull request may neither deploy into it nor destroy it.
/// </summary>
public static class PreviewOwnerKeys
{
    public const string HeadRepository = "headRepository";
    public const string OwnerPullRequest = "ownerPullRequest";
}
