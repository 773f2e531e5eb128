using Deployments.Deployer.Tests.GitHub;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// GitHub Enterprise Server end to end: Actions sets <c>GITHUB_API_URL=https://HOST/api/v3</c>
/// (https://docs.github.com/en/enterprise-server@latest/actions/reference/workflows-and-actions/variables), and every
/// call — REST under <c>/api/v3/</c>, the GraphQL viewer at <c>/api/graphql</c> — goes there.
/// </summary>
[NonParallelizable]
public class EnterpriseServerTests
{
    [Test]
    public void A_pull_request_preview_reports_through_an_enterprise_server_base_url()
    {
        // Arrange: an installation token (GET /user is 403, so the identity comes from GraphQL), outside Actions, so that
        // nothing but GitHub's answer can name the token's identity.
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        using var github = new FakeGitHubServer();
        github.AddOtherComments(3);
        cloud.Environment["GITHUB_TOKEN"] = FakeGitHubServer.Token;
        cloud.Environment["GITHUB_API_URL"] = $"{github.Url}api/v3";
        cloud.Environment["GITHUB_EVENT_NAME"] = "pull_request";
        DeployerRun.Result Event(string payload)
        {
            cloud.Environment["GITHUB_EVENT_PATH"] = payload;
            return cloud.Deployer("github", "event", "--no-verify");
        }

        // Act: open, push, close.
        var opened = Event(Payloads.Path_("pull_request.opened.payload"));
        var pushed = Event(Payloads.Crafted("pull_request.synchronize.payload", p => p["pull_request"]!["head"]!["ref"] = "changes"));
        var closed = Event(Payloads.Path_("pull_request.closed.payload"));

        // Assert: every request used the Enterprise layout; one comment, edited in place; the deployments' statuses.
        opened.ExitCode.ShouldBe(0, opened.StdErr);
        pushed.ExitCode.ShouldBe(0, pushed.StdErr);
        closed.ExitCode.ShouldBe(0, closed.StdErr);
        opened.StdErr.ShouldNotContain("warning: GitHub does not say who the token is");
        github.Layouts.ShouldNotBeEmpty();
        github.Layouts.ShouldAllBe(l => l == "enterprise");
        github.Requests.ShouldContain("POST /graphql");
        var ours = github.Comments.Where(c => c["body"]!.GetValue<string>().Contains("<!-- deployments:preview:preview-changes -->", StringComparison.Ordinal)).ToList();
        ours.Count.ShouldBe(1);
        ours[0]["body"]!.GetValue<string>().ShouldContain("### 🗑️ Preview `preview-changes` is gone");
        github.Requests.Count(r => r.StartsWith("PATCH /repos/", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(3);
        github.Deployments.Count.ShouldBe(2);
        github.Deployments.ShouldAllBe(d => d["required_contexts"]!.AsArray().Count == 0 && !d["production_environment"]!.GetValue<bool>());
        github.Statuses.Select(s => s.State).ShouldBe(["in_progress", "success", "in_progress", "success", "inactive"]);
    }

    [Test]
    public void A_github_api_url_that_is_not_http_is_refused_before_anything_runs()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        cloud.Environment["GITHUB_TOKEN"] = FakeGitHubServer.Token;
        cloud.Environment["GITHUB_API_URL"] = "ghe.example.com/api/v3";

        var result = cloud.Deployer("github", "event", "--no-verify", "--event-name", "pull_request", "--event-path", Payloads.Path_("pull_request.opened.payload"));

        result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
        result.StdErr.ShouldContain("GITHUB_API_URL is not an http(s) URL");
        result.StdErr.ShouldNotContain(FakeGitHubServer.Token);
        cloud.Deployer("preview", "list", "--json").StdOut.Trim().ShouldBe("[]");
    }
}
