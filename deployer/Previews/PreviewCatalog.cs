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

    public async Task<IReadOnlyList<PreviewInfo>> ListAsync(CancellationToken ct)
    {
        var previews = new List<PreviewInfo>();
        foreach (var summary in await StacksAsync(ct))
        {
            var stack = StackNames.Short(summary.Name);
            var last = (await pulumi.HistoryAsync(stack, 1, ct)).FirstOrDefault();
            string? Config(string key) => last?.Config.GetValueOrDefault($"{ProjectDirectory.ProjectName}:{key}");
            previews.Add(new PreviewInfo(stack, Config("branch"), Config("host") is string host ? $"https://{host}" : null,
                Config("imageTag"), last?.EndTime ?? summary.LastUpdate, last?.Result));
        }
        return previews;
    }
}
