using System.Globalization;
using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Previews;

/// <summary>
/// The stack tags a preview's deploy sets, before <c>pulumi up</c> creates anything, so that the questions placement and
/// a fork's close ask are each one <c>stack ls --tag NAME=VALUE</c> (https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack_ls/)
/// instead of one history read per preview. A tag is a hint for finding previews, never an authority: whose a preview
/// is stays decided by its recorded config (<see cref="PreviewOwnership"/>).
/// <para>Names and values stay inside what Pulumi Cloud accepts (names <c>^[a-zA-Z0-9-_.:]{1,40}$</c>, values at most
/// 256 characters, https://github.com/pulumi/pulumi/blob/master/pkg/util/validation/stack.go), so they work on every
/// backend: a stack name is at most 100 characters (https://www.pulumi.com/docs/iac/concepts/stacks/).</para>
/// <para><see cref="Parent"/> is set last: a stack carrying it carries the others, so a deploy interrupted between two
/// tag sets leaves a stack that is counted as untagged (read from its history), never one half-counted.</para>
/// </summary>
public static class PreviewTags
{
    /// <summary>The parent environment's stack (short name): the previews one capacity counts.</summary>
    public const string Parent = "deployments:parent";

    /// <summary>The load balancer the preview is on: <c>&lt;parent&gt;.&lt;shard&gt;</c>, one value per shard of a parent
    /// (a stack name has no room for ambiguity: the shard is the digits after the last dot).</summary>
    public const string LoadBalancer = "deployments:lb";

    /// <summary>The pull request its record names as owner, when it has one (how a deleted fork's close finds it).</summary>
    public const string PullRequest = "deployments:pr";

    public static string LoadBalancerValue(string parentStack, int shard) =>
        $"{StackNames.Short(parentStack)}.{shard.ToString(CultureInfo.InvariantCulture)}";

    public static string PullRequestValue(int pullRequest) => pullRequest.ToString(CultureInfo.InvariantCulture);

    /// <summary>The tags of a preview of <paramref name="parentStack"/> on <paramref name="shard"/>, in the order they are set (<see cref="Parent"/> last).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(string parentStack, int shard, int? owner) =>
    [
        .. owner is int pr ? [KeyValuePair.Create(PullRequest, PullRequestValue(pr))] : Array.Empty<KeyValuePair<string, string>>(),
        KeyValuePair.Create(LoadBalancer, LoadBalancerValue(parentStack, shard)),
        KeyValuePair.Create(Parent, StackNames.Short(parentStack)),
    ];

    /// <summary>The tags of <paramref name="wanted"/> that <paramref name="current"/> lacks or holds with another value, in order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Missing(IReadOnlyList<KeyValuePair<string, string>> wanted, IReadOnlyDictionary<string, string> current) =>
        wanted.Where(t => !current.TryGetValue(t.Key, out var value) || value != t.Value).ToList();
}
