using System.Net;
using System.Web;

namespace Deployments.Deployer.Tests.Aws;

/// <summary>
/// STS on 127.0.0.1 for web-identity credentials: answers AssumeRoleWithWebIdentity (the query protocol: a form POST,
/// an XML answer, https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html) with
/// <see cref="FakeAwsServer"/>'s test keys, so the calls signed with them pass its verification. Records each request's form.
/// </summary>
public sealed class FakeStsServer : IDisposable
{
    public const string SessionToken = "fake-session-token";

    private readonly HttpListener _listener = new();
    private readonly object _gate = new();
    private readonly List<IReadOnlyDictionary<string, string>> _requests = [];

    public FakeStsServer()
    {
        Endpoint = new Uri($"http://127.0.0.1:{FakeAwsServer.FreePort()}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests { get { lock (_gate) return [.. _requests]; } }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var form = HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
            lock (_gate) _requests.Add(form.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => form[k]!, StringComparer.Ordinal));
            var expiration = DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            var body = form["Action"] == "AssumeRoleWithWebIdentity"
                ? $"""
                  <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                    <AssumeRoleWithWebIdentityResult>
                      <SubjectFromWebIdentityToken>repo:OWNER/REPO:environment:staging</SubjectFromWebIdentityToken>
                      <Audience>sts.amazonaws.com</Audience>
                      <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/ci/{form["RoleSessionName"]}</Arn><AssumedRoleId>AROAFAKE:{form["RoleSessionName"]}</AssumedRoleId></AssumedRoleUser>
                      <Credentials><SessionToken>{SessionToken}</SessionToken><SecretAccessKey>{FakeAwsServer.Secret}</SecretAccessKey><Expiration>{expiration}</Expiration><AccessKeyId>{FakeAwsServer.AccessKey}</AccessKeyId></Credentials>
                      <Provider>token.actions.githubusercontent.com</Provider>
                    </AssumeRoleWithWebIdentityResult>
                    <ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata>
                  </AssumeRoleWithWebIdentityResponse>
                  """
                : """<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>only AssumeRoleWithWebIdentity</Message></Error></ErrorResponse>""";
            context.Response.StatusCode = form["Action"] == "AssumeRoleWithWebIdentity" ? 200 : 400;
            context.Response.ContentType = "text/xml";
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
