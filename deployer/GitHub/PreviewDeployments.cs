using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// A GitHub deployment per preview: a transient environment (<c>preview/&lt;stack&gt;</c>), created without
/// auto-merge or required checks, with statuses in_progress → success (with its URL) or failure, and inactive when
/// destroyed. 202 (GitHub merged instead of deploying) and 409 are reported, never fatal.
/// </summary>
public sealed class PreviewDeployments(GitHubApi api, string repository, string stack, TextWriter log)
{
    public string Environment => $"preview/{stack}";

    public async Task<long?> StartAsync(string reference, string description, CancellationToken ct)
    {
        var response = await api.SendAsync(HttpMethod.Post, $"repos/{repository}/deployments", new JsonObject
        {
            ["ref"] = reference,
            ["task"] = "deploy",
            ["auto_merge"] = false,
            ["required_contexts"] = new JsonArray(),
            ["environment"] = Environment,
            ["description"] = description,
            ["transient_environment"] = true,
            ["production_environment"] = false,
        }, ct);
        if (response.Status == 201 && response.Body is { } body) 
        {
            var id = body.GetProperty("id").GetInt64();
            await StatusAsync(id, "in_progress", description, null, ct);
            return id;
        }
        log.WriteLine(response.Status switch
        {
            202 => $"warning: GitHub did not create a deployment (it merged the base branch instead): {GitHubApi.Describe(response)}",
            409 => $"warning: GitHub refused the deployment (merge conflict or failing checks): {GitHubApi.Describe(response)}",
            _ => $"warning: could not create a GitHub deployment: {GitHubApi.Describe(response)}",
        });
        return null;
    }

    public async Task StatusAsync(long id, string state, string description, string? url, CancellationToken ct)
    {
        var body = new JsonObject { ["state"] = state, ["description"] = description.Length > 140 ? description[..137] + "..." : description, ["environment"] = Environment };
        if (url is not null) body["environment_url"] = url;
        var response = await api.SendAsync(HttpMethod.Post, $"repos/{repository}/deployments/{id}/statuses", body, ct);
        if (!GitHubApi.Ok(response)) log.WriteLine($"warning: could not set the deployment status '{state}': {GitHubApi.Describe(response)}");
    }

    /// <summary>Marks the environment's latest deployment inactive (shown as destroyed for transient environments).</summary>
    public async Task DeactivateAsync(CancellationToken ct)
    {
        var response = await api.SendAsync(HttpMethod.Get, $"repos/{repository}/deployments?environment={Uri.EscapeDataString(Environment)}&per_page=1", null, ct);
        if (response.Body is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0)
            await StatusAsync(list[0].GetProperty("id").GetInt64(), "inactive", "preview destroyed", null, ct);
    }
}
