using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Naming;

/// <summary>A preview's host never equals or shadows its environment's (issue 10 §2).</summary>
public class PreviewHostRulesTests
{
    [TestCase("shop.example.com", "shop.example.com", "example.com", "would be the environment's own host shop.example.com")]
    [TestCase("SHOP.example.com", "shop.example.com", "example.com", "would be the environment's own host")]
    [TestCase("example.com", "www.example.com", "", "would be a parent domain of the environment's host www.example.com")]
    [TestCase("x.www.example.com", "www.example.com", "www.example.com", "would be a subdomain of the environment's host")]
    [TestCase("www.preview.example.com", "staging.example.com", "preview.example.com", "takes the reserved label 'www'")]
    [TestCase("api.preview.example.com", null, "preview.example.com", "takes the reserved label 'api'")]
    [TestCase("production.preview.example.com", "staging.example.com", "preview.example.com", "takes the reserved label 'production'")]
    public void Hosts_that_equal_or_shadow_the_environment_are_refused(string host, string? environmentHost, string previewDomain, string reason)
    {
        PreviewHostRules.TryValidate(host, environmentHost, previewDomain, out var message).ShouldBeFalse();
        message.ShouldContain(reason);
    }

    [TestCase("feature-x.preview.example.com", "staging.example.com", "preview.example.com")]
    [TestCase("shop-x.example.com", "shop.example.com", "example.com")]
    [TestCase("www-2.preview.example.com", "staging.example.com", "preview.example.com")]
    public void Other_hosts_are_fine(string host, string? environmentHost, string previewDomain) =>
        PreviewHostRules.TryValidate(host, environmentHost, previewDomain, out _).ShouldBeTrue();

    [Test]
    public void A_branch_named_like_the_environments_first_label_is_refused_when_previews_live_beside_it()
    {
        // previewDomain is the env host's parent domain: branch "shop" would be served at shop.example.com itself.
        var label = PreviewNames.For("shop", "shop").HostLabel;

        PreviewHostRules.TryValidate($"{label}.example.com", "shop.example.com", "example.com", out var message).ShouldBeFalse();
        message.ShouldContain("environment's own host");
    }

    [TestCase("staging.shop.example.com")]
    [TestCase("pr.staging.shop.example.com")]
    public void An_environment_whose_previews_would_be_its_own_subdomains_is_a_config_error(string previewDomain)
    {
        var source = StackFixtures.FromStackFile("staging", $"previewDomain={previewDomain}");

        var error = Should.Throw<ConfigException>(() => StackCompiler.Compile(source, "staging"));

        error.Problems.Single().Key.ShouldBe("deployments:previewDomain");
        error.Problems.Single().Message.ShouldContain("would be subdomains of the environment's host staging.shop.example.com");
    }
}
