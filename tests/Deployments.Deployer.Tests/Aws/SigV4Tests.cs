using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Deployments.Deployer.Tests.Aws;

/// <summary>
/// The official SigV4 test vectors (https://github.com/awslabs/aws-c-auth/tree/main/tests/aws-signing-test-suite) through the fake server's verifier, and the signer the
/// deployer uses checked by that verifier (so each side is tested against something independent).
/// </summary>
public class SigV4Tests
{
    private static readonly SigV4Verifier.Expected Suite = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "service");

    [TestCase("POST", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")] // post-vanilla
    [TestCase("GET", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")] // get-vanilla
    public void Vanilla_vectors(string method, string expected)
    {
        var headers = new Dictionary<string, string> { ["host"] = "example.amazonaws.com", ["x-amz-date"] = "20150830T123600Z" };

        SigV4Verifier.Sign(method, "/", "", headers, ["host", "x-amz-date"], [], "20150830T123600Z", Suite).ShouldBe(expected);
    }

    /// <summary>
    /// The SDK's public signer always signs <c>x-amz-content-sha256</c> too, so it cannot print the suite's own
    /// post-vanilla signature; on the post-vanilla request it must give what the suite's algorithm (checked above
    /// against the vector) gives for that header set.
    /// </summary>
    [Test]
    public void The_sdk_signer_on_post_vanilla_agrees_with_the_vector_checked_algorithm()
    {
        var request = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = new Uri("https://example.amazonaws.com/"), Content = [] };
        var signed = AWSSigV4Signer.Sign(request, new AWSSigV4Parameters
        {
            Credentials = new BasicAWSCredentials(Suite.AccessKey, Suite.Secret),
            Region = RegionEndpoint.USEast1,
            Service = "service",
            SignedAt = new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc),
        });
        var headers = new Dictionary<string, string>
        {
            ["host"] = "example.amazonaws.com",
            ["x-amz-date"] = "20150830T123600Z",
            ["x-amz-content-sha256"] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        };

        var expected = SigV4Verifier.Sign("POST", "/", "", headers, ["host", "x-amz-content-sha256", "x-amz-date"], [], "20150830T123600Z", Suite);

        signed.Headers["Authorization"].ShouldBe(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={expected}");
    }

    [Test]
    public void A_wrong_secret_or_a_changed_body_fails_verification()
    {
        var (headers, body) = SignWithSdk("{\"cluster\":\"c1\"}");

        SigV4Verifier.Verify("POST", "/", "", headers, body, Suite with { Service = "ecs" }).ShouldBeNull();
        SigV4Verifier.Verify("POST", "/", "", headers, body, Suite with { Service = "ecs", Secret = "other" }).ShouldBe("signature mismatch");
        SigV4Verifier.Verify("POST", "/", "", headers, Encoding.UTF8.GetBytes("{\"cluster\":\"c2\"}"), Suite with { Service = "ecs" }).ShouldBe("signature mismatch");
        SigV4Verifier.Verify("POST", "/", "", headers, body, Suite with { Service = "logs" }).ShouldStartWith("scope");
    }

    private static (Dictionary<string, string> Headers, byte[] Body) SignWithSdk(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = new Uri("http://127.0.0.1:8123/"), Content = body };
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        request.Headers["X-Amz-Target"] = "AmazonEC2ContainerServiceV20141113.RunTask";
        var signed = AWSSigV4Signer.Sign(request, new AWSSigV4Parameters
        {
            Credentials = new SessionAWSCredentials(Suite.AccessKey, Suite.Secret, "token"),
            Region = RegionEndpoint.USEast1,
            Service = "ecs",
            SignedAt = new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc),
        });
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = "127.0.0.1:8123",
            ["content-type"] = "application/x-amz-json-1.1",
            ["x-amz-target"] = "AmazonEC2ContainerServiceV20141113.RunTask",
        };
        foreach (var header in signed.Headers) headers[header.Key.ToLowerInvariant()] = header.Value;
        return (headers, body);
    }
}
