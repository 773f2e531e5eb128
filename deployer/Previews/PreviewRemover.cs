using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Previews;

/// <summary>
/// Destroys a preview's resources and removes its stack: <c>stack ls</c> (is it there?), for a pull request's destroy
/// <c>stack history</c> (whose is it? see <see cref="PreviewOwnership"/>), <c>destroy</c>, <c>stack rm</c>
/// (without <c>--force</c>: Pulumi refuses to remove a stack that still has resources, so nothing is orphaned).
/// </summary>
public sealed class PreviewRemover(PulumiWorkspace pulumi, TextWriter log)
{
    /// <summary>
    /// Destroys and removes <paramref name="stack"/> if it exists. <paramref name="owner"/>: a pull request's destroy,
    /// refused untouched unless the stack is recorded as that pull request's (and the fork's, when
    /// <paramref name="headRepository"/> is one); null for an operator's (no check).
    /// </summary>
    public async Task<bool> RemoveAsync(string stack, CancellationToken ct, int? owner = null, string? headRepository = null)
    {
        var stacks = await pulumi.ListStacksAsync(ct);
        if (!stacks.Any(s => StackNames.Same(s.Name, stack))) return false;
        if (owner is int pr) PreviewOwnership.ForDestroy(stack, await PreviewOwnership.ReadRecordAsync(pulumi, stack, ct), pulumi.Project, pr, headRepository);
        await DestroyAndRemoveAsync(stack, ct);
        return true;
    }

    public async Task DestroyAndRemoveAsync(string stack, CancellationToken ct)
    {
        log.WriteLine($"destroying preview '{stack}'");
        var summary = await pulumi.DestroyAsync(stack, ct);
        log.WriteLine($"destroyed: {summary.Describe()}");
        try { await pulumi.RemoveStackAsync(stack, ct); }
        catch (StackNotFoundException) { }
    }
}
