using System.Globalization;
using System.Net.Http.Headers;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// What every request to GitHub goes through under Octokit, for the three things Octokit does not do (better):
/// <list type="bullet">
/// <item>The token goes to the API's origin (scheme, host, port) only. Octokit follows a <c>Link</c> header's next page
/// as given (ApiConnection.GetAll), so a crafted or proxied <c>Link</c> could collect the token: such a request is refused here.</item>
/// <item>The documented media type and REST version (https://docs.github.com/en/rest/about-the-rest-api/api-versions):
/// Octokit 14 sends the legacy <c>application/vnd.github.v3+json</c> and no <c>X-GitHub-Api-Version</c>, which pins
/// nothing once GitHub moves the default.</item>
/// <item>Rate limits are waited out, bounded (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api):
/// a 403/429 with <c>retry-after</c> (secondary limits) or <c>x-ratelimit-remaining: 0</c> and <c>x-ratelimit-reset</c>
/// (primary) is retried after that hint, on the injectable clock. Octokit only throws
/// (RateLimitExceededException, SecondaryRateLimitExceededException); a 403 without either hint is a real refusal.</item>
/// </list>
/// </summary>
public sealed class GitHubRequestHandler(Uri apiBase, IClock clock, TextWriter log, CancellationToken runCancellation) : DelegatingHandler
{
    public const int MaxRateLimitRetries = 3;
    public static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromMinutes(2);
    public const string MediaType = "application/vnd.github+json";
    public const string ApiVersion = "2022-11-28";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Octokit's high-level clients take no CancellationToken: the run's token reaches the wire here.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, runCancellation);
        var ct = linked.Token;
        if (request.RequestUri is not { } url || !SameOrigin(url, apiBase))
        {
            log.WriteLine($"warning: a GitHub request points to another origin than {Origin(apiBase)}; it is not sent, so the token stays with the API");
            throw new HttpRequestException($"refusing to send the GitHub token to {(request.RequestUri is { IsAbsoluteUri: true } u ? Origin(u) : "a relative URL")}: only {Origin(apiBase)} gets it");
        }
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        request.Headers.Remove("X-GitHub-Api-Version");
        request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
        for (var attempt = 0; ; attempt++)
        {
            var response = await base.SendAsync(request, ct);
            if ((int)response.StatusCode is not (403 or 429) || attempt >= MaxRateLimitRetries || RateLimitWait(response) is not { } wait)
                return response;
            log.WriteLine($"GitHub rate limit on {request.Method} {url.AbsolutePath}: waiting {wait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s");
            response.Dispose();
            await clock.Delay(wait, ct);
        }
    }

    /// <summary>The server's hint, when the response is a rate limit (not a plain permission error), bounded.</summary>
    private TimeSpan? RateLimitWait(HttpResponseMessage response)
    {
        TimeSpan? wait = null;
        if (response.Headers.RetryAfter?.Delta is { } delta) wait = delta;
        else if (response.Headers.RetryAfter?.Date is { } date) wait = date - clock.Now;
        else if (response.Headers.TryGetValues("x-ratelimit-remaining", out var remaining) && remaining.First() == "0"
            && response.Headers.TryGetValues("x-ratelimit-reset", out var reset) && long.TryParse(reset.First(), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
            wait = DateTimeOffset.FromUnixTimeSeconds(epoch) - clock.Now;
        if (wait is null) return null;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > MaxRateLimitWait ? MaxRateLimitWait : wait;
    }

    public static bool SameOrigin(Uri a, Uri b) =>
        a.IsAbsoluteUri && Uri.Compare(a, b, UriComponents.SchemeAndServer | UriComponents.Port, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    public static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);
}
