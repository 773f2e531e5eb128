using System.Globalization;

namespace Deployments.Deployer.Verification;

/// <summary>
/// Probes the service's health URL until it answers 2xx/3xx, with backing-off pauses and a time limit, showing the
/// last status it saw. Redirects are not followed (a 301 to HTTPS already proves the service answers).
/// </summary>
public sealed class HealthProbe(HttpClient http, IClock clock, TextWriter output)
{
    public async Task<VerificationResult> ProbeAsync(Uri url, TimeSpan timeout, CancellationToken ct)
    {
        var started = clock.Now;
        var schedule = new Migrations.PollSchedule();
        string? last = null;
        while (true)
        {
            string seen;
            try
            {
                using var response = await http.GetAsync(url, ct);
                var code = (int)response.StatusCode;
                if (code is >= 200 and < 400)
                {
                    output.WriteLine($"  health: {url} answered {code}");
                    return VerificationResult.Ok();
                }
                seen = code.ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException e) { seen = e.Message; }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { seen = "request timed out"; }
            if (seen != last) output.WriteLine($"  health: {url} → {seen}");
            last = seen;
            if (clock.Now - started > timeout)
                return VerificationResult.Failed($"{url} did not answer healthily within {timeout.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min (last: {last})", []);
            await clock.Delay(schedule.After(false), ct);
        }
    }
}
