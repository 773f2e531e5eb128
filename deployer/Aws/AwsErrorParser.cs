using System.Text.Json;

namespace Deployments.Deployer.Aws;

/// <summary>
/// Reads an AWS JSON error body (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html): <c>__type</c> may be <c>Code</c>, <c>prefix#Code</c> or
/// <c>Code:http://…</c>; the message may be <c>message</c> or <c>Message</c>. An unreadable body still yields a code.
/// </summary>
public static class AwsErrorParser
{
    public static (string Code, string Message) Parse(string body, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var type = root.TryGetProperty("__type", out var t) ? t.GetString() ?? "" : "";
            var code = type[(type.LastIndexOf('#') + 1)..];
            if (code.Contains(':', StringComparison.Ordinal)) code = code[..code.IndexOf(':', StringComparison.Ordinal)];
            var message = root.TryGetProperty("message", out var m) ? m.GetString() : root.TryGetProperty("Message", out var m2) ? m2.GetString() : null;
            return (code.Length > 0 ? code : $"Http{status}", message ?? "(no message)");
        }
        catch (JsonException)
        {
            return ($"Http{status}", body.Length > 200 ? body[..200] : body);
        }
    }

    /// <summary>Retryable: throttling, server errors (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html, a judgement call there too).</summary>
    public static bool IsRetryable(string code, int status) =>
        status >= 500 || code is "ThrottlingException" or "ThrottledException" or "TooManyRequestsException" or "RequestLimitExceeded"
            or "ServerException" or "ServiceUnavailableException" or "Throttling" or "LimitExceededException";
}
