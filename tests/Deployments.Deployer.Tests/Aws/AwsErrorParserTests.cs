using System.Text;
using Deployments.Deployer.Aws;

namespace Deployments.Deployer.Tests.Aws;

public class AwsErrorParserTests
{
    [TestCase("""{"__type":"ClusterNotFoundException","message":"Cluster not found."}""", 400, "ClusterNotFoundException", "Cluster not found.")]
    [TestCase("""{"__type":"com.amazon.coral.service#AccessDeniedException","Message":"not authorized"}""", 400, "AccessDeniedException", "not authorized")]
    [TestCase("""{"__type":"ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/","message":"Rate exceeded"}""", 400, "ThrottlingException", "Rate exceeded")]
    [TestCase("<html>bad gateway</html>", 502, "Http502", "<html>bad gateway</html>")]
    public void Error_bodies_are_normalised(string body, int status, string code, string message) =>
        AwsErrorParser.Parse(body, status).ShouldBe((code, message));

    [TestCase("ThrottlingException", 400, true)]
    [TestCase("ServerException", 500, true)]
    [TestCase("AccessDeniedException", 400, false)]
    [TestCase("Http503", 503, true)]
    public void Retryable(string code, int status, bool retryable) => AwsErrorParser.IsRetryable(code, status).ShouldBe(retryable);

    [Test]
    public void User_facing_errors_name_the_service_operation_code_and_what_to_check() =>
        new AwsException("ECS", "RunTask", "AccessDeniedException", "not authorized to perform ecs:RunTask", 400).Message
            .ShouldBe("ECS RunTask failed: AccessDeniedException: not authorized to perform ecs:RunTask (check the AWS credentials and that their role may call this operation)");

    [Test]
    public void The_fake_server_rejects_a_content_type_with_a_charset()
    {
        using var server = new FakeAwsServer(new FakeAwsScenario());
        using var http = new HttpClient();

        // StringContent adds "; charset=utf-8", which the protocol's exact content type does not have.
        var response = http.PostAsync(server.Endpoint, new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1")).GetAwaiter().GetResult();

        ((int)response.StatusCode).ShouldBe(400);
        server.Rejections.Single().ShouldStartWith("UnknownOperationException: content type 'application/x-amz-json-1.1; charset=utf-8'");
    }

    [Test]
    public void The_fake_server_rejects_a_bad_signature()
    {
        using var server = new FakeAwsServer(new FakeAwsScenario());
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new ByteArrayContent("{}"u8.ToArray()) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.DescribeTasks");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261122T120000Z");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTESTFAKE/20261122/eu-west-1/ecs/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + new string('0', 64));

        var response = http.SendAsync(request).GetAwaiter().GetResult();

        ((int)response.StatusCode).ShouldBe(403);
        server.Rejections.Single().ShouldBe("InvalidSignatureException: signature mismatch");
    }
}
