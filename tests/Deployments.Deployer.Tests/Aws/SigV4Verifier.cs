using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Deployments.Deployer.Tests.Aws;

/// <summary>
/// An independent SigV4 check for the fake AWS server (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html), written from the algorithm, not from
/// the signer under test: rebuild the canonical request from what arrived, derive the key, compare signatures.
/// </summary>
public static partial class SigV4Verifier
{
    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<akid>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<signed>[^,]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex Authorization();

    public sealed record Expected(string AccessKey, string Secret, string Region, string Service);

    /// <summary>Null when the signature is valid; otherwise what is wrong.</summary>
    public static string? Verify(string method, string path, string query, IReadOnlyDictionary<string, string> headers, byte[] body, Expected expected)
    {
        if (!headers.TryGetValue("authorization", out var authorization)) return "missing Authorization";
        var m = Authorization().Match(authorization);
        if (!m.Success) return $"malformed Authorization: {authorization}";
        if (m.Groups["akid"].Value != expected.AccessKey) return "unknown access key";
        if (m.Groups["region"].Value != expected.Region || m.Groups["service"].Value != expected.Service)
            return $"scope {m.Groups["region"].Value}/{m.Groups["service"].Value}, expected {expected.Region}/{expected.Service}";
        if (!headers.TryGetValue("x-amz-date", out var amzDate) || !amzDate.StartsWith(m.Groups["date"].Value, StringComparison.Ordinal)) return "x-amz-date missing or not matching the scope";
        var signedNames = m.Groups["signed"].Value.Split(';');
        if (!signedNames.Contains("host") || !signedNames.Contains("x-amz-date")) return "host and x-amz-date must be signed";
        var signature = Sign(method, path, query, headers, signedNames, body, amzDate, expected);
        return signature == m.Groups["signature"].Value ? null : "signature mismatch";
    }

    public static string Sign(string method, string path, string query, IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> signedNames,
        byte[] body, string amzDate, Expected expected)
    {
        var canonicalHeaders = string.Concat(signedNames.Select(n => $"{n}:{Collapse(headers.GetValueOrDefault(n) ?? "")}\n"));
        var canonical = $"{method}\n{path}\n{query}\n{canonicalHeaders}\n{string.Join(';', signedNames)}\n{Hex(SHA256.HashData(body))}";
        var date = amzDate[..8];
        var scope = $"{date}/{expected.Region}/{expected.Service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + expected.Secret), date), expected.Region), expected.Service), "aws4_request");
        return Hex(Hmac(key, toSign));
    }

    private static string Collapse(string value) => Regex.Replace(value.Trim(), @"\s+", " ");
    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
