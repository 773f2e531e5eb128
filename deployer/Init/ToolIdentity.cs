using System.Reflection;
using System.Text.RegularExpressions;

namespace Deployments.Deployer.Init;

/// <summary>
/// The running tool's version and the commit it was built from, both from the assembly's informational version:
/// the SDK writes <c>&lt;Version&gt;+&lt;commit&gt;</c> there when Source Link knows the commit
/// (https://learn.microsoft.com/dotnet/core/project-sdk/msbuild-props#includesourcerevisionininformationalversion).
/// </summary>
public sealed partial record ToolIdentity(string Version, string? Commit)
{
    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?\z")]
    private static partial Regex SemanticVersion();

    [GeneratedRegex(@"^[0-9a-f]{40}\z")]
    private static partial Regex FullSha();

    public static ToolIdentity Running { get; } = Parse(
        typeof(ToolIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "");

    /// <summary>A version that is not plain semantic versioning, or a commit that is not a full SHA, is not used: both end up in files.</summary>
    public static ToolIdentity Parse(string informationalVersion)
    {
        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? informationalVersion : informationalVersion[..plus];
        var commit = plus < 0 ? null : informationalVersion[(plus + 1)..];
        return new ToolIdentity(
            SemanticVersion().IsMatch(version) ? version : throw new InvalidOperationException($"the tool's version '{version}' is not a semantic version"),
            commit is not null && FullSha().IsMatch(commit) ? commit : null);
    }
}
