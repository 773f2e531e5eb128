using System.Net;

namespace Deployments.Deployer.Tests.TestSupport;

/// <summary>
/// A plain HTTP server on 127.0.0.1 for the app (health check, smoke tests) and for webhooks: records every request
/// and answers with <see cref="Status"/> after <see cref="Delay"/>, or with a redirect to <see cref="RedirectTo"/>.
/// </summary>
public sealed class FakeHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();

    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    public FakeHttpServer()
    {
        var port = Aws.FakeAwsServer.FreePort();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }
    public int Status { get; set; } = 200;
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;
    public string? RedirectTo { get; set; }
    public List<Request> Requests { get; } = [];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(async () =>
            {
                try
                {
                    using var reader = new StreamReader(context.Request.InputStream);
                    var body = await reader.ReadToEndAsync();
                    var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
                    lock (Requests) Requests.Add(new Request(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body));
                    if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
                    if (RedirectTo is not null)
                    {
                        context.Response.StatusCode = 307;
                        context.Response.RedirectLocation = RedirectTo;
                    }
                    else context.Response.StatusCode = Status;
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { }
            });
        }
    }

    public IReadOnlyList<Request> Received()
    {
        lock (Requests) return Requests.ToList();
    }

    public void Dispose() => _listener.Close();
}
