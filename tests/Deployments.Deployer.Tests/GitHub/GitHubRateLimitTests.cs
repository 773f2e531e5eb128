using Deployments.Deployer.GitHub;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary>
/// Rate limits under Octokit (which only throws on them): primary ones wait until <c>x-ratelimit-reset</c>, secondary
/// ones for <c>retry-after</c>, on the virtual clock, each wait at most two minutes and at most three retries; then the
/// call fails as a warning, never as the deploy's failure.
/// </summary>
public class GitHubRateLimitTests
{
    private static async Task<(StringWriter Log, VirtualClock Clock)> UpsertAsync(FakeGitHubServer github)
    {
        var log = new StringWriter();
        var clock = new VirtualClock();
        var apiBase = GitHubClientFactory.ApiBase(github.Url);
        using var http = GitHubClientFactory.Http(apiBase, clock, log, CancellationToken.None);
        var client = GitHubClientFactory.Create(apiBase, FakeGitHubServer.Token, http);
        var comment = new PreviewComment(client, new GitHubRepositoryName("octo", "app"), 7, "preview-x", new TokenIdentityResolver(client, inActions: true), log);
        try { await comment.UpsertAsync("hello", CancellationToken.None); }
        catch (Octokit.ApiException e) { log.WriteLine($"threw {e.GetType().Name}"); }
        return (log, clock);
    }

    [Test]
    public async Task A_primary_rate_limit_waits_until_its_reset_time()
    {
        // Arrange: the first call is refused until 90 s after the virtual clock's start.
        using var github = new FakeGitHubServer { RateLimitNext = 1, RateLimitResetAt = new VirtualClock().Now.AddSeconds(90) };

        // Act
        var (log, clock) = await UpsertAsync(github);

        // Assert: one wait of exactly the reset's distance, then the comment.
        clock.Delays.ShouldBe([TimeSpan.FromSeconds(90)]);
        log.ToString().ShouldContain("GitHub rate limit on GET /user: waiting 90 s");
        github.Requests.ShouldContain("POST /repos/octo/app/issues/7/comments");
    }

    [Test]
    public async Task A_secondary_rate_limit_429_waits_for_retry_after()
    {
        using var github = new FakeGitHubServer { RateLimitNext = 2, RateLimitStatus = 429 };

        var (_, clock) = await UpsertAsync(github);

        clock.Delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)]);
        github.Requests.ShouldContain("POST /repos/octo/app/issues/7/comments");
    }

    [Test]
    public async Task Waits_are_bounded_in_length_and_number()
    {
        // Arrange: every call is rate limited, with a reset an hour away.
        using var github = new FakeGitHubServer { RateLimitNext = int.MaxValue, RateLimitResetAt = new VirtualClock().Now.AddHours(1) };

        // Act
        var (log, clock) = await UpsertAsync(github);

        // Assert: each call waits at most MaxRateLimitWait, at most MaxRateLimitRetries times, then gives up; nothing is written.
        clock.Delays.ShouldNotBeEmpty();
        clock.Delays.ShouldAllBe(d => d == GitHubRequestHandler.MaxRateLimitWait);
        github.Requests.Count(r => r == "GET /user").ShouldBe(GitHubRequestHandler.MaxRateLimitRetries + 1);
        github.Comments.ShouldBeEmpty();
        log.ToString().ShouldNotContain(FakeGitHubServer.Token);
    }
}
