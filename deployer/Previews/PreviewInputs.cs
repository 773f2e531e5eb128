using Deployments.Deployer.Errors;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Previews;

/// <summary>Validation of a preview's inputs, before anything is called, with messages naming the input.</summary>
public static class PreviewInputs
{
    public static string ValidateBranch(string branch) =>
        NameRules.TryValidateBranch(branch, out var message) ? branch : throw new UserInputException($"--branch: {message}");

    public static PreviewRequest Validate(string branch, string imageTag, int? pullRequest = null, string? headRepository = null)
    {
        var source = ValidateSource(branch, headRepository);
        ImageTags.Validate(imageTag);
        if (pullRequest is <= 0) throw new UserInputException($"--pr: '{pullRequest}' is not allowed: a pull request number (1 or more)");
        return new PreviewRequest(branch, imageTag, pullRequest) { HeadRepository = source.HeadRepository };
    }

    /// <summary>The branch and, for a fork's branch, its repository (<c>--head-repo</c>), which every name derives from.</summary>
    public static PreviewSource ValidateSource(string branch, string? headRepository)
    {
        ValidateBranch(branch);
        if (headRepository is not null && !NameRules.TryValidateRepository(headRepository, out var message))
            throw new UserInputException($"--head-repo: {message}");
        if (headRepository is not null && headRepository.Length + 1 + branch.Length > NameRules.MaxBranchLength)
            throw new UserInputException($"--branch: at most {NameRules.MaxBranchLength - headRepository.Length - 1} characters with --head-repo {headRepository}");
        return new PreviewSource(branch, headRepository);
    }

    public static void RequirePreviewDomain(ParentInfo parent)
    {
        if (parent.PreviewDomain.Length == 0)
            throw new UserInputException($"--parent: environment '{parent.Stack}' has no previewDomain; previews are served at <branch>.<previewDomain>, so set previewDomain and hostedZoneId on it first");
    }

    /// <summary>The preview's host may not equal or shadow its environment's (see <see cref="PreviewHostRules"/>); checked before any change.</summary>
    public static string RequireSafeHost(ParentInfo parent, PreviewNames names)
    {
        var host = $"{names.HostLabel}.{parent.PreviewDomain}";
        if (!PreviewHostRules.TryValidate(host, parent.Host, parent.PreviewDomain, out var message))
            throw new UserInputException($"--branch: the preview of '{names.Branch}' would be served at {host}, which {message}; nothing was changed: use another branch name");
        return host;
    }
}
