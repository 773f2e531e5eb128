using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Deployments.Deployer.Aws;

/// <summary>
/// Calls one AWS JSON 1.1 operation: <c>POST /</c>, <c>Content-Type: application/x-amz-json-1.1</c> exactly,
/// <c>X-Amz-Target: prefix.Operation</c>, signed with AWSSDK.Core's public SigV4 signer — again on every attempt.
/// Throttling, 5xx and transport errors are retried with full-jitter backoff, a bounded number of times.
/// </summary>
public sealed class AwsJsonClient(HttpClient http, AwsService service, AWSCredentials credentials, IClock clock, Random random)
{
    public const int MaxAttempts = 6;
    private static readonly MediaTypeHeaderValue ContentType = new("application/x-amz-json-1.1");

    public int Calls { get; private set; }

    public async Task<JsonElement> CallAsync(string operation, JsonObject request, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        for (var attempt = 1; ; attempt++)
        {
            Calls++;
            string code;
            int status;
            string message;
            try
            {
                using var signedRequest = await SignAsync(operation, body, ct);
                using var response = await http.SendAsync(signedRequest, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
                    return document.RootElement.Clone();
                }
                (code, message) = AwsErrorParser.Parse(text, status);
                if (!AwsErrorParser.IsRetryable(code, status) || attempt == MaxAttempts)
                    throw new AwsException(service.DisplayName, operation, code, message, status);
            }
            catch (HttpRequestException e) when (attempt < MaxAttempts)
            {
                (code, status, message) = ("ConnectionError", 0, e.Message);
            }
            catch (HttpRequestException e)
            {
                throw new AwsException(service.DisplayName, operation, "ConnectionError", $"{e.Message} (endpoint {service.Endpoint})", 0);
            }
            await clock.Delay(Backoff(attempt), ct);
        }
    }

    /// <summary>Full jitter: uniform in [0, min(cap, base · 2^attempt)], base 200 ms, cap 10 s.</summary>
    public TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(random.NextDouble() * Math.Min(10_000, 200 * Math.Pow(2, attempt)));

    private async Task<HttpRequestMessage> SignAsync(string operation, byte[] body, CancellationToken ct)
    {
        var target = $"{service.TargetPrefix}.{operation}";
        var signing = new AWSSigningRequest
        {
            HttpMethod = HttpMethod.Post,
            RequestUri = service.Endpoint,
            Content = body,
        };
        signing.Headers["Content-Type"] = ContentType.MediaType!;
        signing.Headers["X-Amz-Target"] = target;
        var signed = await AWSSigV4Signer.SignAsync(signing, new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(service.Region),
            Service = service.SigningName,
            SignedAt = clock.Now.UtcDateTime,
        }, ct);
        var request = new HttpRequestMessage(HttpMethod.Post, service.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = ContentType;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        foreach (var header in signed.Headers) request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        return request;
    }
}
