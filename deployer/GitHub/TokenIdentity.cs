using System.Text.Json;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// Who the GitHub token is: the author of every comment the deployer writes. Only a comment by this login (and of this
/// user type, <c>User</c> or <c>Bot</c>) can be the preview's comment; a marker pasted into anyone else's is ignored.
/// </summary>
public sealed record TokenIdentity(string Login, string Type)
{
    /// <summary>The author of comments made with Actions' GITHUB_TOKEN (user type <c>Bot</c>).</summary>
    public const string ActionsBot = "github-actions[bot]";

    public static TokenIdentity FromLogin(string login) =>
        new(login, login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User");

    /// <summary>True when <paramref name="comment"/> (a REST issue comment) was written by this identity.</summary>
    public bool Wrote(JsonElement comment) =>
        comment.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
        && user.TryGetProperty("login", out var login) && login.ValueKind == JsonValueKind.String
        // Logins are case-insensitive on GitHub.
        && string.Equals(login.GetString(), Login, StringComparison.OrdinalIgnoreCase)
        && user.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == Type;
}
