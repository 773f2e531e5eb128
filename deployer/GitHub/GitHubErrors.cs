using System.Globalization;
using Octokit;

namespace Deployments.Deployer.GitHub;

/// <summary>How a failed GitHub call reads in a warning: its status and GitHub's own message, never a header or the token.</summary>
public static class GitHubErrors
{
    public static string Describe(ApiException e) =>
        $"HTTP {((int)e.StatusCode).ToString(CultureInfo.InvariantCulture)}{(e.ApiError?.Message is { Length: > 0 } message ? $": {message}" : "")}";
}
