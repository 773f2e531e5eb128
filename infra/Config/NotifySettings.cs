namespace Deployments.Infra.Config;

/// <summary>
/// Where an environment tells the team about each release (<c>notify</c>): a Slack-compatible incoming webhook
/// (<c>slack</c>: a <c>{"text": …}</c> body) or any JSON webhook (<c>json</c>), whose URL is read from the environment
/// variable <see cref="UrlVariable"/> — a secret, so the URL itself is never in config, template, state or logs.
/// </summary>
public sealed record NotifySettings(string Kind, string UrlVariable)
{
    public const string Key = "notify";
    public const string Slack = "slack", Json = "json";
    public static readonly string[] Kinds = [Slack, Json];
}
