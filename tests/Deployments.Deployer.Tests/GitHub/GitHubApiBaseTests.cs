using Deployments.Deployer.Errors;
using Deployments.Deployer.GitHub;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary><c>GITHUB_API_URL</c> is the REST root as given (https://docs.github.com/en/actions/reference/workflows-and-actions/variables).</summary>
public class GitHubApiBaseTests
{
    [TestCase(null, "https://api.github.com/")]
    [TestCase("", "https://api.github.com/")]
    [TestCase("https://api.github.com", "https://api.github.com/")]
    [TestCase("https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/")]
    [TestCase("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/v3/")]
    // GHE.com (data residency): no /api/v3, which Octokit's GitHubClient(…, Uri) would add.
    [TestCase("https://api.octocorp.ghe.com", "https://api.octocorp.ghe.com/")]
    public void The_base_is_the_variable_as_given(string? variable, string expected) =>
        GitHubClientFactory.ApiBase(variable).ToString().ShouldBe(expected);

    [TestCase("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/graphql")]
    [TestCase("https://api.github.com/", "https://api.github.com/graphql")]
    [TestCase("https://api.octocorp.ghe.com/", "https://api.octocorp.ghe.com/graphql")]
    public void GraphQL_sits_beside_the_rest_base(string restBase, string expected) =>
        new Uri(new Uri(restBase), TokenIdentityResolver.GraphQlPathFor(new Uri(restBase))).ToString().ShouldBe(expected);

    [TestCase("ghe.example.com/api/v3")]
    [TestCase("ftp://ghe.example.com/api/v3")]
    public void Anything_but_an_http_url_is_refused_naming_the_variable(string variable) =>
        Should.Throw<UserInputException>(() => GitHubClientFactory.ApiBase(variable)).Message.ShouldStartWith("GITHUB_API_URL is not an http(s) URL");
}
