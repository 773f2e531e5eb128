using Octokit;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// Who the GitHub token is: the author of every comment the deployer writes. Only a comment by this login (and of this
/// account type, <c>User</c> or <c>Bot</c>) can be the preview's comment; a marker pasted into anyone else's is ignored.
/// </summary>
public sealed record TokenIdentity(string Login, AccountType Type)
{
    /// <summary>The author of comments made with Actions' GITHUB_TOKEN (account type <c>Bot</c>).</summary>
    public const string ActionsBot = "github-actions[bot]";

    public static TokenIdentity FromLogin(string login) =>
        new(login, login.EndsWith("[bot]", StringComparison.Ordinal) ? AccountType.Bot : AccountType.User);

    /// <summary>True when <paramref name="author"/> (a comment's <c>user</c>) is this identity.</summary>
    public bool Wrote(User? author) =>
        author is { Login: { } login, Type: { } type }
        // Logins are case-insensitive on GitHub.
        && string.Equals(login, Login, StringComparison.OrdinalIgnoreCase)
        && type == Type;
}
