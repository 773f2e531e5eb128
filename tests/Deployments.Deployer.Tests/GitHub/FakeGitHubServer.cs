using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.Aws;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary>
/// GitHub REST on 127.0.0.1 for tests (https://docs.github.com/en/rest/issues/comments, https://docs.github.com/en/rest/deployments/deployments): issue comments listed two per page with a
/// <c>Link</c> header, create 201, edit 200; deployments 201 (or 202/409 when told), statuses 201; a 403 rate limit
/// with retry-after when told. Requires the bearer token and the versioned media type. Who the token is: by default an
/// installation token (Actions' GITHUB_TOKEN: <c>GET /user</c> is 403, the GraphQL viewer is <c>github-actions[bot]</c>),
/// or a user's (<see cref="UserLogin"/>: <c>GET /user</c> answers); comments it creates are authored by that identity.
/// Both layouts of the API are served: api.github.com's (<c>/repos/…</c>, GraphQL at <c>/graphql</c>) and GitHub
/// Enterprise Server's (<c>/api/v3/repos/…</c>, GraphQL at <c>/api/graphql</c>;
/// https://docs.github.com/en/enterprise-server@latest/rest/quickstart); <see cref="Requests"/> names paths relative to
/// the layout's root, <see cref="Layouts"/> which layout each request used.
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
    /// <summary>The repository's issues (pull requests are not among them), as GitHub returns them.</summary>
    public List<JsonObject> Issues { get; } = [];
    /// <summary>When not 200, listing the repository's issues fails with this status.</summary>
    public int IssueListAnswer { get; set; } = 200;
    /// <summary>The run's review history (https://docs.github.com/en/rest/actions/workflow-runs#get-the-review-history-for-a-workflow-run).</summary>
    public List<JsonObject> RunApprovals { get; } = [];
    /// <summary>When not 200, the run's review history fails with this status.</summary>
    public int RunApprovalsAnswer { get; set; } = 200;
    public List<JsonObject> Deployments { get; } = [];
    public List<(long Deployment, string State, string? Url)> Statuses { get; } = [];
    public List<string> Requests { get; } = [];
    /// <summary>Per request: <c>api.github.com</c> or <c>enterprise</c>.</summary>
    public List<string> Layouts { get; } = [];
    public int RateLimitNext { get; set; }
    /// <summary>When set, the rate limits are primary ones: <c>x-ratelimit-remaining: 0</c> and <c>x-ratelimit-reset</c>
    /// at this time, no <c>retry-after</c> (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).</summary>
    public DateTimeOffset? RateLimitResetAt { get; set; }
    public int RateLimitStatus { get; set; } = 403;
    public int DeploymentAnswer { get; set; } = 201;
    /// <summary>When not 200, listing an issue's comments fails with this status.</summary>
    public int CommentListAnswer { get; set; } = 200;
    /// <summary>When set, the comment list's <c>Link</c> header points its next page to this origin instead of ours.</summary>
    public string? NextPageOrigin { get; set; }

    /// <summary>Null: the token is an installation token (the App bot <see cref="BotLogin"/>); else a user's token of this login.</summary>
    public string? UserLogin { get; set; }
    public string BotLogin { get; set; } = "github-actions[bot]";
    /// <summary>When false, the GraphQL viewer query fails too (the identity cannot be learned).</summary>
    public bool GraphQlAnswers { get; set; } = true;

    private JsonObject Author => UserLogin is { } user
        ? new JsonObject { ["login"] = user, ["type"] = "User" }
        : new JsonObject { ["login"] = BotLogin, ["type"] = "Bot" };

    public void AddOtherComments(int count)
    {
        for (var i = 0; i < count; i++) AddComment($"LGTM {i}", "reviewer", "User");
    }

    /// <summary>A comment by someone else, e.g. one that pastes our marker.</summary>
    public JsonObject AddComment(string body, string login, string type)
    {
        var comment = new JsonObject { ["id"] = _nextId++, ["body"] = body, ["user"] = new JsonObject { ["login"] = login, ["type"] = type }, ["author_association"] = "CONTRIBUTOR" };
        Comments.Add(comment);
        return comment;
    }

    /// <summary>An issue by anyone (e.g. one that pastes our marker); its comments are <see cref="Comments"/> with its number.</summary>
    public JsonObject AddIssue(string title, string body, string login, string type, string state = "open", params string[] labels) =>
        NewIssue(title, body, new JsonObject { ["login"] = login, ["type"] = type }, state, labels);

    private JsonObject NewIssue(string title, string body, JsonObject user, string state, IEnumerable<string> labels)
    {
        var number = Issues.Count + 1;
        var issue = new JsonObject
        {
            ["id"] = _nextId++, ["number"] = number, ["title"] = title, ["body"] = body, ["state"] = state, ["user"] = user,
            ["labels"] = new JsonArray(labels.Select(l => (JsonNode)new JsonObject { ["id"] = _nextId++, ["name"] = l, ["color"] = "d93f0b" }).ToArray()),
            ["html_url"] = $"https://github.example/acme/shop/issues/{number}", ["comments"] = 0,
            ["created_at"] = "2026-12-01T03:17:00Z", ["updated_at"] = "2026-12-01T03:17:00Z",
        };
        Issues.Add(issue);
        return issue;
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
        var enterprise = path.StartsWith("/api/v3/", StringComparison.Ordinal) || path == "/api/graphql";
        if (path.StartsWith("/api/v3/", StringComparison.Ordinal)) path = path["/api/v3".Length..];
        else if (path == "/api/graphql") path = "/graphql";
        else if (path.StartsWith("/api/", StringComparison.Ordinal)) path = "/unknown" + path; // e.g. /api/v3/graphql does not exist
        Requests.Add($"{request.HttpMethod} {path}");
        Layouts.Add(enterprise ? "enterprise" : "api.github.com");
        var root = enterprise ? $"{Url}api/v3/" : Url;
        if (request.Headers["Authorization"] != $"Bearer {Token}" || request.Headers["Accept"] != "application/vnd.github+json" || request.Headers["X-GitHub-Api-Version"] is null)
        {
            Write(context, 401, new JsonObject { ["message"] = "Bad credentials" });
            return;
        }
        if (RateLimitNext > 0)
        {
            RateLimitNext--;
            if (RateLimitResetAt is { } reset)
            {
                context.Response.Headers["x-ratelimit-limit"] = "1000";
                context.Response.Headers["x-ratelimit-remaining"] = "0";
                context.Response.Headers["x-ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                Write(context, RateLimitStatus, new JsonObject { ["message"] = "API rate limit exceeded for installation ID 1." });
            }
            else
            {
                context.Response.Headers["retry-after"] = "1";
                Write(context, RateLimitStatus, new JsonObject { ["message"] = "You have exceeded a secondary rate limit." });
            }
            return;
        }
        var body = request.HasEntityBody ? JsonNode.Parse(new StreamReader(request.InputStream, Encoding.UTF8).ReadToEnd())!.AsObject() : null;
        var segments = path.Trim('/').Split('/');
        switch (request.HttpMethod, segments)
        {
            case ("GET", [_, _, _, "issues", _, "comments"]) when CommentListAnswer != 200:
                Write(context, CommentListAnswer, new JsonObject { ["message"] = "Server Error" });
                break;
            case ("GET", [_, _, _, "issues", _, "comments"]):
                var page = int.TryParse(request.QueryString["page"], out var p) ? p : 1;
                var items = Comments.Skip((page - 1) * 2).Take(2).ToList();
                if (page * 2 < Comments.Count) context.Response.Headers["link"] = $"<{NextPageOrigin ?? root}{path.TrimStart('/')}?per_page=100&page={page + 1}>; rel=\"next\", <{root}x?page=99>; rel=\"last\"";
                Write(context, 200, new JsonArray(items.Select(c => (JsonNode)c.DeepClone()).ToArray()));
                break;
            case ("GET", [_, _, _, "actions", "runs", _, "approvals"]) when RunApprovalsAnswer != 200:
                Write(context, RunApprovalsAnswer, new JsonObject { ["message"] = "Resource not accessible by integration" });
                break;
            case ("GET", [_, _, _, "actions", "runs", _, "approvals"]):
                Write(context, 200, new JsonArray(RunApprovals.Select(a => (JsonNode)a.DeepClone()).ToArray()));
                break;
            case ("GET", ["user"]):
                if (UserLogin is null) Write(context, 403, new JsonObject { ["message"] = "Resource not accessible by integration", ["documentation_url"] = "https://docs.github.com/rest/users/users#get-the-authenticated-user" });
                else Write(context, 200, Author);
                break;
            case ("POST", ["graphql"]) when enterprise == (request.Url!.AbsolutePath == "/api/graphql"):
                var query = body is not null && body.TryGetPropertyValue("query", out var q) ? q!.GetValue<string>() : "";
                if (GraphQlAnswers && query.Contains("viewer", StringComparison.Ordinal))
                    Write(context, 200, new JsonObject { ["data"] = new JsonObject { ["viewer"] = new JsonObject { ["login"] = Author["login"]!.GetValue<string>() } } });
                else Write(context, 200, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = "Resource not accessible by integration" }) });
                break;
            case ("GET", [_, _, _, "issues"]) when IssueListAnswer != 200:
                Write(context, IssueListAnswer, new JsonObject { ["message"] = "Server Error" });
                break;
            case ("GET", [_, _, _, "issues"]):
                // ?state=open|closed|all (default open), ?labels=a,b (every one), 2 per page so that paging is exercised.
                var state = request.QueryString["state"] ?? "open";
                var wanted = (request.QueryString["labels"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
                var matching = Issues.Where(i => (state == "all" || i["state"]!.GetValue<string>() == state)
                    && wanted.All(w => i["labels"]!.AsArray().Any(l => l!["name"]!.GetValue<string>() == w))).ToList();
                var issuePage = int.TryParse(request.QueryString["page"], out var ip) ? ip : 1;
                if (issuePage * 2 < matching.Count) context.Response.Headers["link"] = $"<{NextPageOrigin ?? root}{path.TrimStart('/')}?per_page=100&page={issuePage + 1}>; rel=\"next\"";
                Write(context, 200, new JsonArray(matching.Skip((issuePage - 1) * 2).Take(2).Select(i => (JsonNode)i.DeepClone()).ToArray()));
                break;
            case ("POST", [_, _, _, "issues"]):
                var opened = NewIssue(body!["title"]!.GetValue<string>(), body["body"]?.GetValue<string>() ?? "", Author, "open",
                    (body["labels"] as JsonArray ?? []).Select(l => l!.GetValue<string>()));
                Write(context, 201, opened.DeepClone());
                break;
            case ("PATCH", [_, _, _, "issues", var number]):
                var issue = Issues.Single(i => i["number"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture) == number);
                foreach (var field in new[] { "title", "body", "state", "state_reason" })
                    if (body!.TryGetPropertyValue(field, out var value)) issue[field] = value?.DeepClone();
                Write(context, 200, issue.DeepClone());
                break;
            case ("POST", [_, _, _, "issues", var issueNumber, "comments"]):
                var created = new JsonObject { ["id"] = _nextId++, ["issue"] = int.Parse(issueNumber, System.Globalization.CultureInfo.InvariantCulture), ["body"] = body!["body"]!.GetValue<string>(), ["user"] = Author, ["author_association"] = "NONE" };
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
                    deployment["payload"] = new JsonObject();
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
