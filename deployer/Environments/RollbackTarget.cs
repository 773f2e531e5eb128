using Deployments.Deployer.Errors;
using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Environments;

/// <summary>
/// Finds the image to roll back to in a stack's history, so that Pulumi's state stays the truth: by default the
/// image of the newest successful update older than the current one that ran a different image; or the image of
/// the successful update <c>--to VERSION</c>; or an explicit <c>--image-tag</c>.
/// </summary>
public static class RollbackTarget
{
    /// <summary><paramref name="project"/>: the namespace of <c>imageTag</c> in the history's config.</summary>
    public static (string ImageTag, string Reason) Choose(IReadOnlyList<UpdateRecord> history, Deployments.Infra.Config.PulumiProject project, int? version, string? imageTag)
    {
        var imageTagKey = project.Key(ReleaseConfig.ImageTag);
        string Tag(UpdateRecord update) =>
            update.Config.GetValueOrDefault(imageTagKey) ?? throw new UserInputException($"update {update.Version} has no {imageTagKey} in its config");
        var updates = history.Where(h => h.Kind == "update").ToList();
        var current = updates.FirstOrDefault(u => u.Succeeded)?.Config.GetValueOrDefault(imageTagKey);
        if (imageTag is not null) return (imageTag, $"image {imageTag} as asked (current: {current ?? "unknown"})");
        if (version is int v)
        {
            var chosen = updates.FirstOrDefault(u => u.Version == v)
                ?? throw new UserInputException($"--to: version {v} is not an update in the stack's recent history; see 'deployments status --stack …'");
            if (!chosen.Succeeded) throw new UserInputException($"--to: update {v} ended '{chosen.Result}'; roll back only to a successful update");
            return (Tag(chosen), $"image of update {v}");
        }
        if (current is null) throw new UserInputException("the stack has no successful update yet: there is nothing to roll back to");
        var previous = updates.SkipWhile(u => !u.Succeeded).Skip(1).FirstOrDefault(u => u.Succeeded && Tag(u) != current)
            ?? throw new UserInputException($"no earlier successful update ran an image other than {current}; pass --image-tag to choose one");
        return (Tag(previous), $"image of update {previous.Version}, the last successful one before {current}");
    }
}
