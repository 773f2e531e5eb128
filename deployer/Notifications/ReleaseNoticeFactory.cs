using System.Text.RegularExpressions;

namespace Deployments.Deployer.Notifications;

/// <summary>
/// Fills a <see cref="ReleaseNotice"/> from the Actions run's default variables
/// (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables): the commit
/// (GITHUB_SHA), who started the run (GITHUB_ACTOR, and GITHUB_TRIGGERING_ACTOR for a re-run by someone else) and its link
/// (GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID). Who approved a protected environment's job comes
/// from the run's review history (<see cref="RunApprovals"/>). A value of an unexpected shape is left out, never passed on.
/// </summary>
public static partial class ReleaseNoticeFactory
{
    [GeneratedRegex(@"^[0-9a-f]{40}\z")]
    private static partial Regex Sha();

    // GitHub logins: letters, digits, single hyphens; apps end in [bot].
    [GeneratedRegex(@"^[A-Za-z0-9](-?[A-Za-z0-9]){0,38}(\[bot\])?\z")]
    private static partial Regex Login();

    /// <summary>Whether <paramref name="value"/> has the shape of a GitHub login (anything else is never passed on).</summary>
    public static bool IsLogin(string value) => Login().IsMatch(value);


    public static ReleaseNotice Create(Func<string, string?> getVariable, string environment, string imageTag, bool succeeded, string outcome, string? url)
    {
        var actor = Valid(getVariable("GITHUB_ACTOR"), Login());
        var triggering = Valid(getVariable("GITHUB_TRIGGERING_ACTOR"), Login());
        return new ReleaseNotice(environment, imageTag, succeeded, outcome)
        {
            Commit = Valid(getVariable("GITHUB_SHA"), Sha()),
            Actor = triggering is not null && actor is not null && triggering != actor ? $"{actor} (re-run by {triggering})" : actor ?? triggering,
            RunUrl = GitHub.ActionsRunLink.From(getVariable),
            Url = url,
        };
    }


    private static string? Valid(string? value, Regex pattern) => value is not null && pattern.IsMatch(value) ? value : null;
}
