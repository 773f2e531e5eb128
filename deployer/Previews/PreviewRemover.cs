using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Previews;

/// <summary>
/// Destroys a preview's resources and removes its stack: <c>stack ls</c> (is it there?), <c>destroy</c>, <c>stack rm</c>
/// (without <c>--force</c>: Pulumi refuses to remove a stack that still has resources, so nothing is orphaned).
/// </summary>
public sealed class PreviewRemover(PulumiWorkspace pulumi, TextWriter log)
{
    public async Task<bool> RemoveAsync(string stack, CancellationToken ct)
    {
        var stacks = await pulumi.ListStacksAsync(ct);
        if (!stacks.Any(s => StackNames.Same(s.Name, stack))) return false;
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
