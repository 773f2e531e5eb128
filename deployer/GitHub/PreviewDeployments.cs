using System.Collections.ObjectModel;
using System.Net;
using Octokit;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// A GitHub deployment per preview (https://docs.github.com/en/rest/deployments/deployments): a transient environment
/// (<c>preview/&lt;stack&gt;</c>), created without auto-merge or required checks, with statuses in_progress → success
/// (with its URL) or failure, and inactive when destroyed. 202 (GitHub merged instead of deploying) and 409 are
/// reported, never fatal.
/// </summary>
public sealed class PreviewDeployments(GitHubClient github, GitHubRepositoryName repository, string stack, TextWriter log)
{
    /// <summary>GitHub's limit on a status description (https://docs.github.com/en/rest/deployments/statuses).</summary>
    private const int MaxDescription = 140;

    public string Environment => $"preview/{stack}";

    /// <summary>
    /// Through the connection, not Octokit's DeploymentsClient.Create: that returns the body of a 202 as if it were a
    /// deployment (id 0), and only the status code tells that none was created.
    /// </summary>
    public async Task<long?> StartAsync(string reference, string description, CancellationToken ct)
    {
        var request = new NewDeployment(reference)
        {
            Task = "deploy",
            AutoMerge = false,
            RequiredContexts = new Collection<string>(),
            Environment = Environment,
            Description = description,
            TransientEnvironment = true,
            ProductionEnvironment = false,
        };
        try
        {
            var response = await github.Connection.Post<Deployment>(ApiUrls.Deployments(repository.Owner, repository.Name), request,
                GitHubRequestHandler.MediaType, "application/json", parameters: null, ct);
            if (response.HttpResponse.StatusCode == HttpStatusCode.Created && response.Body is { Id: > 0 } deployment)
            {
                await StatusAsync(deployment.Id, DeploymentState.InProgress, description, null, ct);
                return deployment.Id;
            }
            log.WriteLine(response.HttpResponse.StatusCode == HttpStatusCode.Accepted
                ? "warning: GitHub did not create a deployment (it merged the base branch instead): HTTP 202"
                : $"warning: could not create a GitHub deployment: HTTP {(int)response.HttpResponse.StatusCode}");
        }
        catch (ApiException e)
        {
            log.WriteLine(e.StatusCode == HttpStatusCode.Conflict
                ? $"warning: GitHub refused the deployment (merge conflict or failing checks): {GitHubErrors.Describe(e)}"
                : $"warning: could not create a GitHub deployment: {GitHubErrors.Describe(e)}");
        }
        return null;
    }

    public async Task StatusAsync(long id, DeploymentState state, string description, string? url, CancellationToken ct)
    {
        var status = new NewDeploymentStatus(state)
        {
            Description = description.Length > MaxDescription ? description[..(MaxDescription - 3)] + "..." : description,
            Environment = Environment,
            EnvironmentUrl = url,
        };
        try { await github.Repository.Deployment.Status.Create(repository.Owner, repository.Name, id, status); }
        catch (ApiException e) { log.WriteLine($"warning: could not set the deployment status '{Wire(state)}': {GitHubErrors.Describe(e)}"); }
    }

    /// <summary>
    /// Marks the environment's latest deployment inactive (shown as destroyed for transient environments). Octokit's
    /// DeploymentsClient.GetAll cannot filter by environment, so the list is asked for with that parameter directly.
    /// </summary>
    public async Task DeactivateAsync(CancellationToken ct)
    {
        var response = await github.Connection.Get<List<Deployment>>(ApiUrls.Deployments(repository.Owner, repository.Name),
            new Dictionary<string, string> { ["environment"] = Environment, ["per_page"] = "1" }, null, ct);
        if (response.Body is [var latest, ..])
            await StatusAsync(latest.Id, DeploymentState.Inactive, "preview destroyed", null, ct);
    }

    private static string Wire(DeploymentState state) => state switch
    {
        DeploymentState.InProgress => "in_progress",
        _ => state.ToString().ToLowerInvariant(),
    };
}
