using Deployments.Infra.Config;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Config;

/// <summary><c>smokeTest</c> and <c>previewDefaults.smokeTest</c>: an argv list and a bounded timeout, each problem named by its key.</summary>
public class SmokeTestConfigTests
{
    private static ConfigException Fails(params string[] overrides) =>
        Should.Throw<ConfigException>(() => StackCompiler.Compile(StackFixtures.FromStackFile("staging", overrides), "staging"));

    [Test]
    public void The_command_and_timeout_become_the_smokeTest_output_and_the_previews_default()
    {
        // Act
        var staging = StackFixtures.Staging("smokeTest={\"command\":[\"pytest\",\"tests/smoke\",\"-q\"],\"timeoutSeconds\":120}");

        // Assert
        TemplateAssert.Matches(staging.Output("smokeTest"), new { command = new[] { "pytest", "tests/smoke", "-q" }, timeoutSeconds = 120 }, "smokeTest");
        TemplateAssert.Matches(staging.Output("previewDefaults")!["smokeTest"], new { command = new[] { "pytest", "tests/smoke", "-q" }, timeoutSeconds = 120 }, "previewDefaults.smokeTest");
    }

    [Test]
    public void Previews_get_their_own_command_or_none()
    {
        var own = StackFixtures.Staging("smokeTest={\"command\":[\"pytest\"]}", "previewDefaults={\"smokeTest\":{\"command\":[\"./smoke\",\"--quick\"]}}");
        var none = StackFixtures.Staging("smokeTest={\"command\":[\"pytest\"]}", "previewDefaults={\"smokeTest\":{\"command\":[]}}");

        TemplateAssert.Matches(own.Output("previewDefaults")!["smokeTest"], new { command = new[] { "./smoke", "--quick" }, timeoutSeconds = 300 }, "previewDefaults.smokeTest");
        none.Output("previewDefaults")!.AsObject().ContainsKey("smokeTest").ShouldBeFalse();
        TemplateAssert.Matches(none.Output("smokeTest"), new { command = new[] { "pytest" } }, "smokeTest");
    }

    [Test]
    public void Without_smokeTest_there_is_no_output()
    {
        var staging = StackFixtures.Staging();

        Should.Throw<AssertionException>(() => staging.Output("smokeTest"));
        staging.Output("previewDefaults")!.AsObject().ContainsKey("smokeTest").ShouldBeFalse();
    }

    [TestCase("{\"command\":\"pytest tests/smoke\"}", "deployments:smokeTest.command", "must be a list, not one string: an argv list")]
    [TestCase("{\"timeoutSeconds\":60}", "deployments:smokeTest.command", "is required: an argv list")]
    [TestCase("{\"command\":[\"pytest\"],\"timeoutSeconds\":0}", "deployments:smokeTest.timeoutSeconds", "'0' is not allowed: an integer from 1 to 3600")]
    [TestCase("{\"command\":[\"pytest\"],\"timeoutSeconds\":3601}", "deployments:smokeTest.timeoutSeconds", "'3601' is not allowed: an integer from 1 to 3600")]
    [TestCase("{\"command\":[\"pytest\",1]}", "deployments:smokeTest.command", "must be a list of strings")]
    [TestCase("{\"command\":[\" \",\"x\"]}", "deployments:smokeTest.command", "starts with an empty program name")]
    [TestCase("{\"command\":[\"pytest\"],\"shell\":true}", "deployments:smokeTest.shell", "is not a known key here")]
    [TestCase("\"pytest\"", "deployments:smokeTest", "must be an object")]
    public void A_bad_smokeTest_is_named_by_its_key(string json, string key, string message)
    {
        var problem = Fails("smokeTest=" + json).Problems.Single();

        problem.Key.ShouldBe(key);
        problem.Message.ShouldStartWith(message);
    }

    [Test]
    public void A_bad_preview_smokeTest_is_named_under_previewDefaults()
    {
        var problem = Fails("previewDefaults={\"smokeTest\":{\"command\":\"make smoke\"}}").Problems.Single();

        problem.Key.ShouldBe("deployments:previewDefaults.smokeTest.command");
    }

    [Test]
    public void An_argument_holding_a_token_is_never_quoted()
    {
        var problem = Fails("smokeTest={\"command\":[\"curl\",\"-H\",\"Authorization: Bearer ghp_secret" + new string('x', 5000) + "\"]}").Problems.Single();

        problem.Key.ShouldBe("deployments:smokeTest.command");
        problem.Message.ShouldNotContain("ghp_secret");
    }
}
