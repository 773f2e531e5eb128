using System.Globalization;
using System.Net;
using Deployments.Deployer.GitHub;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Notifications;

/// <summary>
/// Posts a <see cref="ReleaseNotice"/> to the team's webhook, whose URL is the value of the variable <c>notify.urlEnv</c>
/// names. It never blocks or fails a release: each attempt is bounded by <see cref="_attemptTimeout"/>, a network
/// error, timeout, 429 or 5xx is retried once, and every failure is a warning. The URL is a secret: masked in
/// Actions, never printed (messages name the variable), and sent only to https — or plain http to a loopback address,
/// which does not leave the machine, so TLS would protect nothing there (a local relay; the tests' fake). Redirects are
/// not followed, so the body never goes anywhere but the configured URL.
/// </summary>
public sealed class ReleaseNotifier(Func<string, string?> getVariable, TextWriter log, TimeSpan? attemptTimeout = null, TimeSpan? retryPause = null)
{
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultRetryPause = TimeSpan.FromSeconds(2);
    private readonly TimeSpan _attemptTimeout = attemptTimeout ?? DefaultAttemptTimeout;
    private readonly TimeSpan _retryPause = retryPause ?? DefaultRetryPause;

    /// <summary>Where the notice learns who approved the run; none: it says nothing of approvals.</summary>
    public RunApprovals? Approvals { get; init; }

    public async Task NotifyAsync(NotifySettings settings, ReleaseNotice notice, CancellationToken ct)
    {
        var name = settings.UrlVariable;
        var what = $"the {settings.Kind} webhook in {name}";
        if (getVariable(name) is not { Length: > 0 } value)
        {
            log.WriteLine($"warning: the team was not notified: {name} (notify.urlEnv) is not set; give it the webhook's URL from a secret");
            return;
        }
        if (getVariable("GITHUB_ACTIONS") == "true") log.WriteLine($"::add-mask::{WorkflowCommand.Escape(value)}");
        if (Accept(value) is not { } url)
        {
            log.WriteLine($"warning: the team was not notified: the value of {name} is not allowed: an https URL (plain http only to 127.0.0.1, ::1 or localhost)");
            return;
        }
        if (Approvals is not null) notice = notice with { ApprovedBy = await Approvals.ReadAsync(ct) };
        var body = NotificationBody.For(settings.Kind, notice);
        // Each attempt has its own limit, below.
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        string failure;
        for (var attempt = 1; ; attempt++)
        {
            bool retryable;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(_attemptTimeout);
            try
            {
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(url, content, limit.Token);
                var code = (int)response.StatusCode;
                var status = code.ToString(CultureInfo.InvariantCulture);
                if (code is >= 200 and < 300)
                {
                    log.WriteLine($"notified the team ({what}): HTTP {status}");
                    return;
                }
                if (code is >= 300 and < 400)
                {
                    log.WriteLine($"warning: the team was not notified: {what} answered a redirect (HTTP {status}), which is not followed; set the webhook's final URL");
                    return;
                }
                failure = $"HTTP {status}";
                retryable = code == (int)HttpStatusCode.TooManyRequests || code >= 500;
            }
            catch (HttpRequestException e) { failure = $"no connection: {e.HttpRequestError}"; retryable = true; }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                failure = $"no answer within {_attemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
                retryable = true;
            }
            if (!retryable || attempt == 2) break;
            log.WriteLine($"the notification to {what} failed ({failure}); trying once more");
            await Task.Delay(_retryPause, ct);
        }
        log.WriteLine($"warning: the team was not notified: {what} failed ({failure}); the release itself is not affected");
    }

    private static Uri? Accept(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url)) return null;
        return url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback) ? url : null;
    }
}
