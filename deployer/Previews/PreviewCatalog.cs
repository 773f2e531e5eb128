using Deployments.Deployer.Pulumi;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Previews;

/// <summary>
/// The previews in the backend: <c>stack ls</c> once, then each preview's newest history entry (one call each), whose
/// config holds its branch, image and host. Never-updated stacks are listed with what is known.
/// </summary>
public sealed class PreviewCatalog(PulumiWorkspace pulumi)
{
    public async Task<IReadOnlyList<StackSummary>> StacksAsync(CancellationToken ct) =>
        (await pulumi.ListStacksAsync(ct)).Where(s => PreviewNames.IsPreviewStack(StackNames.Short(s.Name)))
            .OrderBy(s => StackNames.Short(s.Name), StringComparer.Ordinal).ToList();

    /// <summary>The fork previews recorded as <paramref name="pullRequest"/>'s (one history call per preview): how a
    /// deleted fork's close finds what its pull request created.</summary>
    public async Task<IReadOnlyList<(string Stack, string HeadRepository)>> ForkPreviewsOfAsync(int pullRequest, CancellationToken ct)
    {
        var owned = new List<(string, string)>();
        foreach (var summary in await StacksAsync(ct))
        {
            var stack = StackNames.Short(summary.Name);
            var record = await PreviewOwnership.ReadRecordAsync(pulumi, stack, ct);
            if (PreviewOwnership.RecordedOwner(record, pulumi.Project) == pullRequest && PreviewOwnership.RecordedHeadRepository(record, pulumi.Project) is { } fork)
                owned.Add((stack, fork));
        }
        return owned;
    }

    public async Task<IReadOnlyList<PreviewInfo>> ListAsync(CancellationToken ct)
    {
        var previews = new List<PreviewInfo>();
        foreach (var summary in await StacksAsync(ct))
        {
            var stack = StackNames.Short(summary.Name);
            var last = (await pulumi.HistoryAsync(stack, 1, ct)).FirstOrDefault();
            string? Config(string key) => last?.Config.GetValueOrDefault(pulumi.Project.Key(key));
            previews.Add(new PreviewInfo(stack, Config("branch"), Config("host") is string host ? $"https://{host}" : null,
                Config("imageTag"), last?.EndTime ?? summary.LastUpdate, last?.Result));
        }
        return previews;
    }
}
