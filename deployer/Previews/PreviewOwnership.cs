using System.Globalization;
using Deployments.Deployer.Errors;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Previews;

/// <summary>
/// Who may deploy into or destroy a preview stack, from the owner its config records (<see cref="PreviewOwnerKeys"/>).
/// The checks are pure: the recorded config in, a refusal (exit 2, nothing changed) or the owner to record out.
/// <list type="bullet">
/// <item>A pull request's event deploys into a stack that is new, its own, or has no recorded owner (made by hand or
/// by a version before owners were recorded: it is adopted, and says so); another pull request's stack is refused
/// until that one is closed and its preview gone.</item>
/// <item>A pull request's close or unlabel destroys only its own stack; another's, or one without an owner, is
/// refused (an operator destroys those by hand: <c>preview destroy</c>, <c>preview prune</c>).</item>
/// <item>An operator's deploy without <c>--pr</c> keeps whatever owner is recorded; by hand there is no owner check.</item>
/// </list>
/// </summary>
public static class PreviewOwnership
{
    /// <summary>
    /// The owner keys as the backend holds them: the config the stack's newest update (or destroy) ran with, which
    /// <c>stack history</c> returns on any runner — the local <c>Pulumi.&lt;stack&gt;.yaml</c> that <c>config</c> reads
    /// exists only where the last deploy ran. Empty for a stack never updated.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string?>> ReadRecordAsync(Pulumi.PulumiWorkspace pulumi, string stack, CancellationToken ct) =>
        (await pulumi.HistoryAsync(stack, 1, ct)).FirstOrDefault()?.Config ?? new Dictionary<string, string?>();

    public static int? RecordedOwner(IReadOnlyDictionary<string, string?> config, PulumiProject project) =>
        config.GetValueOrDefault(project.Key(PreviewOwnerKeys.OwnerPullRequest)) is { } text
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static string? RecordedHeadRepository(IReadOnlyDictionary<string, string?> config, PulumiProject project) =>
        config.GetValueOrDefault(project.Key(PreviewOwnerKeys.HeadRepository));

    /// <summary>The owner to record for a deploy of <paramref name="request"/> into a stack whose recorded config is <paramref name="config"/>.</summary>
    /// <exception cref="UserInputException">The stack belongs to another pull request or another repository.</exception>
    public static int? ForDeploy(string stack, IReadOnlyDictionary<string, string?> config, PulumiProject project, PreviewRequest request, TextWriter log)
    {
        RequireSameRepository(stack, config, project, request.HeadRepository, "deploy into");
        var recorded = RecordedOwner(config, project);
        if (request.PullRequest is not int pr) return recorded;
        if (recorded is int owner && owner != pr)
            throw new UserInputException($"preview '{stack}' belongs to pull request #{owner}, not #{pr} (both use {request.Source}); nothing was changed. "
                + $"#{pr} gets this preview once #{owner} is closed and its preview destroyed (or an operator destroys it: preview destroy --branch)");
        if (recorded is null && config.Count > 0)
            log.WriteLine($"preview '{stack}' has no recorded owner (made by hand or by an older version): pull request #{pr} now owns it");
        return pr;
    }

    /// <summary>Refuses a pull request's destroy of a stack it does not own.</summary>
    /// <exception cref="UserInputException">The stack belongs to another pull request, or to none.</exception>
    public static void ForDestroy(string stack, IReadOnlyDictionary<string, string?> config, PulumiProject project, int pullRequest, string? headRepository)
    {
        RequireSameRepository(stack, config, project, headRepository, "destroy");
        var recorded = RecordedOwner(config, project);
        if (recorded == pullRequest) return;
        throw new UserInputException(recorded is int owner
            ? $"preview '{stack}' belongs to pull request #{owner}, not #{pullRequest}: it was not destroyed (it goes when #{owner} closes)"
            : $"preview '{stack}' has no recorded owner (made by hand or by an older version), so pull request #{pullRequest} may not destroy it: it was not destroyed; an operator can (preview destroy --branch, or preview prune)");
    }

    /// <summary>Refuses a pull request's wake of a preview it does not own (the same rule as its destroy: only its own).</summary>
    /// <exception cref="UserInputException">The stack belongs to another pull request, or to none.</exception>
    public static void ForWake(string stack, IReadOnlyDictionary<string, string?> config, PulumiProject project, int pullRequest, string? headRepository)
    {
        RequireSameRepository(stack, config, project, headRepository, "wake");
        var recorded = RecordedOwner(config, project);
        if (recorded == pullRequest) return;
        throw new UserInputException(recorded is int owner
            ? $"preview '{stack}' belongs to pull request #{owner}, not #{pullRequest}: it was not woken (a pull request wakes only its own preview)"
            : $"preview '{stack}' has no recorded owner (made by hand or by an older version), so pull request #{pullRequest} may not wake it: it was not woken; an operator can (preview wake --branch without --pr)");
    }

    private static void RequireSameRepository(string stack, IReadOnlyDictionary<string, string?> config, PulumiProject project, string? headRepository, string what)
    {
        var recorded = RecordedHeadRepository(config, project);
        if (config.Count == 0 || string.Equals(recorded, headRepository, StringComparison.OrdinalIgnoreCase)) return;
        throw new UserInputException($"preview '{stack}' is of {(recorded is null ? "this repository's branch" : $"a branch of {recorded}")}, not of {(headRepository is null ? "this repository's" : headRepository)}: refusing to {what} it; nothing was changed");
    }
}
