namespace Deployments.Infra.Naming;

/// <summary>
/// Where a preview's code comes from: a branch of this repository, or a branch of another repository (a fork's pull
/// request). Every preview name is derived from <see cref="Key"/>: the branch itself for this repository's branches
/// (today's readable names, so existing previews keep theirs), and <c>owner/name:branch</c> for a fork's, so a fork's
/// <c>feature/x</c> and this repository's <c>feature/x</c> never share a stack or an AWS name. ':' cannot occur in a
/// git branch name (git check-ref-format, https://git-scm.com/docs/git-check-ref-format) nor in a repository name, so
/// no branch of this repository has a fork's key; and the key is never a slug (it holds ':' and '/'), so its names
/// always carry its hash (see <see cref="BranchSlug"/>).
/// </summary>
public sealed record PreviewSource
{
    /// <param name="branch">The git branch (validated by <see cref="NameRules.TryValidateBranch"/>).</param>
    /// <param name="headRepository">The fork's full name, or null for a branch of this repository.</param>
    /// <exception cref="ArgumentException">The branch or the repository is not valid.</exception>
    public PreviewSource(string branch, string? headRepository = null)
    {
        if (!NameRules.TryValidateBranch(branch, out var message)) throw new ArgumentException($"branch {message}", nameof(branch));
        if (headRepository is not null && !NameRules.TryValidateRepository(headRepository, out message))
            throw new ArgumentException($"head repository {message}", nameof(headRepository));
        Branch = branch;
        // GitHub names are case-insensitive: one fork gets one key however its name is spelled.
        HeadRepository = headRepository?.ToLowerInvariant();
        if (Key.Length > NameRules.MaxBranchLength)
            throw new ArgumentException($"branch must be at most {NameRules.MaxBranchLength - headRepository!.Length - 1} characters with the head repository '{HeadRepository}'", nameof(branch));
    }

    public string Branch { get; }

    /// <summary>The fork (lower case), or null for this repository.</summary>
    public string? HeadRepository { get; }

    /// <summary>What every name of the preview is derived from.</summary>
    public string Key => HeadRepository is null ? Branch : $"{HeadRepository}:{Branch}";

    public override string ToString() => HeadRepository is null ? $"branch '{Branch}'" : $"branch '{Branch}' of {HeadRepository}";
}
