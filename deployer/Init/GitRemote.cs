using System.Text.RegularExpressions;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Init;

/// <summary>
/// The GitHub repository (<c>OWNER/REPO</c>) of a clone's <c>origin</c> remote, read from <c>.git/config</c>
/// (https://git-scm.com/docs/git-config#_configuration_file): the default of <c>--github-repository</c>.
/// Only github.com URLs in the forms GitHub shows (HTTPS, SSH, scp-like) count; anything else is no default.
/// </summary>
public static partial class GitRemote
{
    [GeneratedRegex(@"^(?:https://github\.com/|ssh://git@github\.com/|git@github\.com:)([^/\s]+/[^/\s]+?)(?:\.git)?/?\z")]
    private static partial Regex GitHubUrl();

    public static string? OriginRepository(string directory)
    {
        var config = Path.Combine(directory, ".git", "config");
        if (!File.Exists(config) || new FileInfo(config).Length > 1024 * 1024) return null;
        return FromConfigText(File.ReadAllText(config));
    }

    public static string? FromConfigText(string text)
    {
        var inOrigin = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('[')) { inOrigin = line == "[remote \"origin\"]"; continue; }
            if (!inOrigin || !line.StartsWith("url", StringComparison.Ordinal)) continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || line[..equals].Trim() != "url") continue;
            var match = GitHubUrl().Match(line[(equals + 1)..].Trim());
            return match.Success && CiPatterns.Repository().IsMatch(match.Groups[1].Value) ? match.Groups[1].Value : null;
        }
        return null;
    }
}
