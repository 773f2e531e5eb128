using System.Text;
using System.Text.Json.Nodes;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Notifications;

/// <summary>
/// The webhook's JSON body, built as JSON nodes (Native AOT: no reflection). <c>slack</c>: <c>{"text": …}</c>, the
/// body Slack's incoming webhooks take (https://api.slack.com/messaging/webhooks), with <c>&amp;</c>, <c>&lt;</c> and
/// <c>&gt;</c> escaped as Slack asks (https://api.slack.com/reference/surfaces/formatting#escaping) and links as
/// <c>&lt;url|text&gt;</c>; <c>json</c>: every field by name, for any other receiver.
/// </summary>
public static class NotificationBody
{
    public static string For(string kind, ReleaseNotice notice) => kind == NotifySettings.Slack ? Slack(notice) : Json(notice);

    public static string Slack(ReleaseNotice n)
    {
        var text = new StringBuilder();
        text.Append(n.Succeeded ? "✅ " : "❌ ");
        text.Append(n.Succeeded ? $"*{Escape(n.Environment)}* released `{Escape(n.ImageTag)}`" : $"*{Escape(n.Environment)}*: the release of `{Escape(n.ImageTag)}` failed");
        text.Append($" ({Escape(n.Strategy)})");
        if (n.Commit is not null) text.Append($", commit `{n.Commit[..7]}`");
        if (n.Actor is not null) text.Append($", by {Escape(n.Actor)}");
        if (n.ApprovedBy is { Count: > 0 } approvers) text.Append($", approved by {Escape(string.Join(", ", approvers))}");
        text.Append($"\n{Escape(n.Outcome)}");
        if (n.Url is not null && Uri.IsWellFormedUriString(n.Url, UriKind.Absolute)) text.Append($"\n<{n.Url}|{Escape(n.Url)}>");
        if (n.RunUrl is not null) text.Append($"\n<{n.RunUrl}|the run>");
        return new JsonObject { ["text"] = text.ToString() }.ToJsonString();
    }

    public static string Json(ReleaseNotice n) => new JsonObject
    {
        ["event"] = "release",
        ["environment"] = n.Environment,
        ["imageTag"] = n.ImageTag,
        ["outcome"] = n.Succeeded ? "succeeded" : "failed",
        ["strategy"] = n.Strategy,
        ["message"] = n.Outcome,
        ["commit"] = n.Commit,
        ["actor"] = n.Actor,
        ["approvedBy"] = n.ApprovedBy is null ? null : new JsonArray(n.ApprovedBy.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
        ["url"] = n.Url,
        ["runUrl"] = n.RunUrl,
    }.ToJsonString();

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
