namespace Deployments.Infra.Naming;

/// <summary>
/// The one rule for the host a preview may serve. Previews' listener rules are evaluated before the environment's own
/// (priorities 1–49998 before 50000), so a preview whose host equals the environment's would take its traffic; and a
/// host that is the environment's parent domain or one of its subdomains shares cookies with it (a cookie for
/// <c>example.com</c> is sent to <c>www.example.com</c>, one for <c>www.example.com</c> to <c>x.www.example.com</c>;
/// RFC 6265 §5.1.3 domain matching, https://www.rfc-editor.org/rfc/rfc6265#section-5.1.3), so a preview — code from a
/// pull request — could read or plant the environment's session. Refused with the reason, whatever the branch and
/// <c>previewDomain</c> are.
/// </summary>
public static class PreviewHostRules
{
    /// <summary>
    /// Labels no preview may take under <c>previewDomain</c>, whatever the environment serves today: the names a
    /// service's own hosts conventionally have (a sibling environment, say production's <c>www</c> or <c>api</c>,
    /// is unknown to the staging environment that hosts the previews), and the environment names.
    /// </summary>
    public static readonly IReadOnlyList<string> ReservedLabels =
        ["www", "api", "app", "admin", "auth", "login", "mail", "status", "staging", "production", "prod"];

    /// <summary>Checks a preview's <paramref name="host"/> against its environment's host (null when it has none).</summary>
    public static bool TryValidate(string host, string? environmentHost, string previewDomain, out string message)
    {
        ArgumentNullException.ThrowIfNull(host);
        var h = host.ToLowerInvariant();
        var env = environmentHost?.ToLowerInvariant();
        message = "";
        if (env is { Length: > 0 } && h == env)
            message = $"would be the environment's own host {env}, whose traffic it would take";
        else if (env is { Length: > 0 } && env.EndsWith("." + h, StringComparison.Ordinal))
            message = $"would be a parent domain of the environment's host {env} (they would share cookies)";
        else if (env is { Length: > 0 } && h.EndsWith("." + env, StringComparison.Ordinal))
            message = $"would be a subdomain of the environment's host {env} (the environment's cookies would reach it)";
        else if (previewDomain.Length > 0 && h.EndsWith("." + previewDomain.ToLowerInvariant(), StringComparison.Ordinal)
            && ReservedLabels.Contains(h[..h.IndexOf('.', StringComparison.Ordinal)]))
            message = $"takes the reserved label '{h[..h.IndexOf('.', StringComparison.Ordinal)]}' (reserved under previewDomain: {string.Join(", ", ReservedLabels)})";
        return message.Length == 0;
    }

    /// <summary>
    /// Checks an environment's own <c>previewDomain</c> against its <c>host</c>: previews at <c>*.previewDomain</c> must
    /// never be the host's subdomains (equal to it, or under it).
    /// </summary>
    public static bool TryValidatePreviewDomain(string previewDomain, string? environmentHost, out string message)
    {
        var d = previewDomain.ToLowerInvariant();
        var env = environmentHost?.ToLowerInvariant();
        message = env is { Length: > 0 } && (d == env || d.EndsWith("." + env, StringComparison.Ordinal))
            ? $"'{d}' is not allowed: previews at <branch>.{d} would be subdomains of the environment's host {env} and receive its cookies; use a domain beside it, e.g. preview.<parent domain>"
            : "";
        return message.Length == 0;
    }
}
