using Deployments.Infra.Config;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Config;

/// <summary>The <c>ci</c> object: each bad value is named by its key and what is allowed, never echoed.</summary>
public class CiConfigTests
{
    private static ConfigException Fails(params string[] overrides) =>
        Should.Throw<ConfigException>(() => StackCompiler.Compile(StackFixtures.FromStackFile("staging", overrides), "staging"));

    private static string Ci(string json) => "ci=" + json;

    [TestCase("example-org")]
    [TestCase("example-org/")]
    [TestCase("/shop")]
    [TestCase("-org/shop")]
    [TestCase("org-/shop")]
    [TestCase("my--org/shop")]
    [TestCase("org/sh op")]
    [TestCase("org/shop*")]
    [TestCase("org/..")]
    [TestCase("org/shop/extra")]
    [TestCase("org/shop:environment:production")]
    [TestCase("org/shop\\n")]
    [TestCase("a234567890123456789012345678901234567890/shop")]
    public void A_repository_that_is_not_owner_slash_repo_is_refused_without_echoing_it(string repository)
    {
        // Arrange: the JSON escape "\n" is a real newline at the end, which a '$'-anchored pattern would accept.
        var json = $"{{\"repository\":\"{repository}\"}}";

        // Act
        var error = Fails(Ci(json));

        // Assert
        var problem = error.Problems.Single();
        problem.Key.ShouldBe("deployments:ci.repository");
        problem.Message.ShouldStartWith("is not allowed: OWNER/REPO as GitHub spells it");
        problem.Message.ShouldNotContain(repository.Replace("\\n", "", StringComparison.Ordinal));
    }

    [TestCase("example-org/shop")]
    [TestCase("a/b")]
    [TestCase("Example-Org/shop.web_v2")]
    [TestCase("a23456789012345678901234567890123456789/r")]
    public void Valid_repositories_pass(string repository) =>
        Should.NotThrow(() => StackCompiler.Compile(StackFixtures.FromStackFile("staging", Ci($"{{\"repository\":\"{repository}\"}}")), "staging"));

    [Test]
    public void Every_bad_ci_member_is_reported_with_its_path()
    {
        // Arrange
        var json = """{"oidcProviderArn":"arn:aws:iam::123456789012:oidc-provider/evil.example.com","stateBucket":"My_Bucket","previews":"maybe","defaultBranch":"-x","typo":1}""";

        // Act
        var error = Fails(Ci(json));

        // Assert
        error.Problems.Select(p => p.Key).Order(StringComparer.Ordinal).ShouldBe(new[]
        {
            "deployments:ci.defaultBranch", "deployments:ci.oidcProviderArn", "deployments:ci.previews", "deployments:ci.repository",
            "deployments:ci.stateBucket", "deployments:ci.typo",
        });
        error.Problems.Single(p => p.Key == "deployments:ci.repository").Message.ShouldStartWith("is required: OWNER/REPO");
        error.Problems.Single(p => p.Key == "deployments:ci.oidcProviderArn").Message
            .ShouldBe("is not allowed: the ARN of the account's GitHub OIDC provider, arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com");
        error.Message.ShouldNotContain("evil.example.com");
        error.Message.ShouldNotContain("My_Bucket");
    }

    [Test]
    public void Ci_must_be_an_object()
    {
        var error = Fails("ci=example-org/shop");

        error.Problems.Single().ShouldSatisfyAllConditions(
            p => p.Key.ShouldBe("deployments:ci"),
            p => p.Message.ShouldBe("must be an object (a YAML mapping)"));
    }
}
