using Deployments.Infra.Config;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Config;

/// <summary><c>notify</c>: a kind and the name of the variable holding the webhook's URL — never the URL, never echoed.</summary>
public class NotifyConfigTests
{
    private static ConfigException Fails(string json) =>
        Should.Throw<ConfigException>(() => StackCompiler.Compile(StackFixtures.FromStackFile("staging", "notify=" + json), "staging"));

    [TestCase("slack")]
    [TestCase("json")]
    public void Kind_and_variable_name_become_the_notify_output(string kind)
    {
        var staging = StackFixtures.Staging($"notify={{\"kind\":\"{kind}\",\"urlEnv\":\"DEPLOYMENTS_SLACK_URL\"}}");

        TemplateAssert.Matches(staging.Output("notify"), new { kind, urlEnv = "DEPLOYMENTS_SLACK_URL" }, "notify");
    }

    [TestCase("{\"urlEnv\":\"SLACK_URL\"}", "deployments:notify.kind", "is required: one of slack, json")]
    [TestCase("{\"kind\":\"teams\",\"urlEnv\":\"SLACK_URL\"}", "deployments:notify.kind", "'teams' is not allowed: one of slack, json")]
    [TestCase("{\"kind\":\"slack\"}", "deployments:notify.urlEnv", "is required: the name of the environment variable")]
    [TestCase("{\"kind\":\"slack\",\"urlEnv\":\"1URL\"}", "deployments:notify.urlEnv", "is not allowed: the name of the environment variable")]
    [TestCase("{\"kind\":\"slack\",\"urlEnv\":\"GITHUB_TOKEN\"}", "deployments:notify.urlEnv", "is not allowed: the name of the environment variable")]
    [TestCase("{\"kind\":\"slack\",\"urlEnv\":\"AWS_SECRET_ACCESS_KEY\"}", "deployments:notify.urlEnv", "is not allowed: the name of the environment variable")]
    [TestCase("{\"kind\":\"slack\",\"urlEnv\":\"SLACK_URL\",\"url\":\"x\"}", "deployments:notify.url", "is not a known key here")]
    public void A_bad_notify_is_named_by_its_key(string json, string key, string message)
    {
        var problem = Fails(json).Problems.Single();

        problem.Key.ShouldBe(key);
        problem.Message.ShouldStartWith(message);
    }

    [Test]
    public void A_webhook_URL_pasted_as_the_variable_name_is_refused_without_echoing_it()
    {
        const string url = "https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX";

        var problem = Fails($"{{\"kind\":\"slack\",\"urlEnv\":\"{url}\"}}").Problems.Single();

        problem.Key.ShouldBe("deployments:notify.urlEnv");
        problem.Message.ShouldNotContain("XXXXSECRETXXXX");
        problem.Message.ShouldNotContain("hooks.slack.com");
        problem.Message.ShouldContain("the URL itself never goes in config");
    }
}
