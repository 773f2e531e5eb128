using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.Aws;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary>
/// GitHub REST on 127.0.0.1 for tests (facts/github.md §5.2–5.3): issue comments listed two per page with a
/// <c>Link</c> header, create 201, edit 200; deployments 201 (or 202/409 when told), statuses 201; a 403 rate limit
/// with retry-after when told. Requires the bearer token and the versioned media type.
/// </summary>
public sealed class FakeGitHubServer : IDisposable
{
    public const string Token = "ghs_test_token";
    private readonly HttpListener _listener = new();
    private readonly object _gate = new();
    private long _nextId = 1000;

    public FakeGitHubServer()
    {
        Url = $"http://127.0.0.1:{FakeAwsServer.FreePort()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }
    public List<JsonObject> Comments { get; } = [];
    public List<JsonObject> Deployments { get; } = [];
    public List<(long Deployment, string State, string? Url)> Statuses { get; } = [];
    public List<string> Requests { get; } = [];
    public int RateLimitNext { get; set; }
    public int DeploymentAnswer { get; set; } = 201;
    /// <summary>When set, the comment list's <c>Link</c> header points its next page to this origin instead of ours.</summary>
    public string? NextPageOrigin { get; set; }

    public void AddOtherComments(int count)
    {
        for (var i = 0; i < count; i++) Comments.Add(new JsonObject { ["id"] = _nextId++, ["body"] = $"LGTM {i}", ["user"] = new JsonObject { ["login"] = "reviewer" } });
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            lock (_gate) Handle(context);
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        Requests.Add($"{request.HttpMethod} {path}");
        if (request.Headers["Authorization"] != $"Bearer {Token}" || request.Headers["Accept"] != "application/vnd.github+json" || request.Headers["X-GitHub-Api-Version"] is null)
        {
            Write(context, 401, new JsonObject { ["message"] = "Bad credentials" });
            return;
        }
        if (RateLimitNext > 0)
        {
            RateLimitNext--;
            context.Response.Headers["retry-after"] = "1";
            Write(context, 403, new JsonObject { ["message"] = "You have exceeded a secondary rate limit." });
            return;
        }
        var body = request.HasEntityBody ? JsonNode.Parse(new StreamReader(request.InputStream, Encoding.UTF8).ReadToEnd())!.AsObject() : null;
        var segments = path.Trim('/').Split('/');
        switch (request.HttpMethod, segments)
        {
            case ("GET", [_, _, _, "issues", _, "comments"]):
                var page = int.TryParse(request.QueryString["page"], out var p) ? p : 1;
                var items = Comments.Skip((page - 1) * 2).Take(2).ToList();
                if (page * 2 < Comments.Count) context.Response.Headers["link"] = $"<{NextPageOrigin ?? Url}{path.TrimStart('/')}?per_page=100&page={page + 1}>; rel=\"next\", <{Url}x?page=99>; rel=\"last\"";
                Write(context, 200, new JsonArray(items.Select(c => (JsonNode)c.DeepClone()).ToArray()));
                break;
            case ("POST", [_, _, _, "issues", _, "comments"]):
                var created = new JsonObject { ["id"] = _nextId++, ["body"] = body!["body"]!.GetValue<string>(), ["user"] = new JsonObject { ["login"] = "github-actions[bot]" } };
                Comments.Add(created);
                Write(context, 201, created.DeepClone());
                break;
            case ("PATCH", [_, _, _, "issues", "comments", var id]):
                var comment = Comments.Single(c => c["id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture) == id);
                comment["body"] = body!["body"]!.GetValue<string>();
                Write(context, 200, comment.DeepClone());
                break;
            case ("POST", [_, _, _, "deployments"]):
                if (DeploymentAnswer == 201)
                {
                    var deployment = body!.DeepClone().AsObject();
                    deployment["id"] = _nextId++;
                    Deployments.Add(deployment);
                    Write(context, 201, deployment.DeepClone());
                }
                else Write(context, DeploymentAnswer, new JsonObject { ["message"] = DeploymentAnswer == 202 ? "Auto-merged master into topic-branch on deployment." : "Conflict: failing checks" });
                break;
            case ("GET", [_, _, _, "deployments"]):
                var environment = request.QueryString["environment"];
                Write(context, 200, new JsonArray(Deployments.Where(d => d["environment"]!.GetValue<string>() == environment).Reverse().Take(1).Select(d => (JsonNode)d.DeepClone()).ToArray()));
                break;
            case ("POST", [_, _, _, "deployments", var deploymentId, "statuses"]):
                Statuses.Add((long.Parse(deploymentId, System.Globalization.CultureInfo.InvariantCulture), body!["state"]!.GetValue<string>(), body["environment_url"]?.GetValue<string>()));
                Write(context, 201, new JsonObject { ["id"] = _nextId++, ["state"] = body["state"]!.DeepClone() });
                break;
            default:
                Write(context, 404, new JsonObject { ["message"] = "Not Found" });
                break;
        }
    }

    private static void Write(HttpListenerContext context, int status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    public void Dispose() => _listener.Close();
}
