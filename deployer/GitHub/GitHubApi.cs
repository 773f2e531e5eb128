using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// GitHub REST over HttpClient (https://docs.github.com/en/rest/issues/comments, https://docs.github.com/en/rest/deployments/deployments): base URL from GITHUB_API_URL, token from GITHUB_TOKEN,
/// the versioned JSON media type; pages followed through the <c>Link</c> header; 403/429 rate limits waited out with
/// the server's hint (retry-after or x-ratelimit-reset), bounded. The token is sent to the API's origin (scheme, host,
/// port) only: a next page elsewhere is not followed, so a crafted or proxied <c>Link</c> cannot collect it.
/// </summary>
public sealed class GitHubApi(HttpClient http, Uri baseUrl, string token, IClock clock, TextWriter log)
{
    public const int MaxRateLimitRetries = 3;
    public static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromMinutes(2);

    public sealed record Response(int Status, JsonElement? Body, string? NextPage);

    public async Task<Response> SendAsync(HttpMethod method, string pathOrUrl, JsonObject? body, CancellationToken ct)
    {
        var url = pathOrUrl.StartsWith("http", StringComparison.Ordinal) ? new Uri(pathOrUrl) : new Uri(baseUrl, pathOrUrl.TrimStart('/'));
        if (!SameOrigin(url, baseUrl)) throw new InvalidOperationException($"refusing to send the GitHub token to {url.GetLeftPart(UriPartial.Authority)}: only {Origin(baseUrl)} gets it");
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
            request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("deployments", "1.0"));
            if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            if (status is 403 or 429 && RateLimitWait(response) is { } wait && attempt < MaxRateLimitRetries)
            {
                log.WriteLine($"GitHub rate limit on {method} {url.AbsolutePath}: waiting {wait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s");
                await clock.Delay(wait, ct);
                continue;
            }
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonElement? json = null;
            if (text.Length > 0)
            {
                try { using var document = JsonDocument.Parse(text); json = document.RootElement.Clone(); }
                catch (JsonException) { }
            }
            var next = NextPage(response);
            if (next is not null && !(Uri.TryCreate(next, UriKind.Absolute, out var nextUrl) && SameOrigin(nextUrl, baseUrl)))
            {
                log.WriteLine($"warning: GitHub's Link header points to another origin than {Origin(baseUrl)}; the next page is not followed, so the token stays with the API");
                next = null;
            }
            return new Response(status, json, next);
        }
    }

    /// <summary>The server's hint, when the response is a rate limit (not a plain permission error), bounded.</summary>
    private TimeSpan? RateLimitWait(HttpResponseMessage response)
    {
        TimeSpan? wait = null;
        if (response.Headers.RetryAfter?.Delta is { } delta) wait = delta;
        else if (response.Headers.TryGetValues("retry-after", out var retry) && int.TryParse(retry.First(), out var seconds)) wait = TimeSpan.FromSeconds(seconds);
        else if (response.Headers.TryGetValues("x-ratelimit-remaining", out var remaining) && remaining.First() == "0"
            && response.Headers.TryGetValues("x-ratelimit-reset", out var reset) && long.TryParse(reset.First(), out var epoch))
            wait = DateTimeOffset.FromUnixTimeSeconds(epoch) - clock.Now;
        if (wait is null) return null;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > MaxRateLimitWait ? MaxRateLimitWait : wait;
    }

    /// <summary>The <c>rel="next"</c> URL of a <c>Link</c> header, treated as opaque; absent on the last page.</summary>
    public static string? NextPage(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("link", out var values)) return null;
        foreach (var part in string.Join(",", values).Split(','))
        {
            var pieces = part.Split(';');
            if (pieces.Length > 1 && pieces[1..].Any(p => p.Trim() == "rel=\"next\"")) return pieces[0].Trim().Trim('<', '>');
        }
        return null;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer | UriComponents.Port, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);

    public static bool Ok(Response r) => r.Status is >= 200 and < 300;

    public static string Describe(Response r) =>
        $"HTTP {r.Status}{(r.Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("message", out var m) ? $": {m.GetString()}" : "")}";

}
