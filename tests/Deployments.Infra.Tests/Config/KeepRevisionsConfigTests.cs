using Deployments.Infra.Config;
using Deployments.Infra.Stacks;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Config;

/// <summary><c>keepRevisions</c>: how many task-definition revisions per family the deployer keeps, given to it as outputs.</summary>
public class KeepRevisionsConfigTests
{
    [Test]
    public void The_default_is_10_and_the_families_are_the_app_and_migration_ones()
    {
        var template = StackFixtures.Staging();

        template.Output(OutputNames.KeepRevisions)!.GetValue<int>().ShouldBe(10);
        template.Output(OutputNames.TaskDefinitionFamilies)!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["shop-staging", "shop-staging-migrate"]);
    }

    [Test]
    public void A_value_in_range_is_passed_on() =>
        StackFixtures.Staging("keepRevisions=25").Output(OutputNames.KeepRevisions)!.GetValue<int>().ShouldBe(25);

    [TestCase("0")]
    [TestCase("101")]
    [TestCase("ten")]
    public void A_value_outside_1_to_100_is_refused_naming_the_key(string value)
    {
        var error = Should.Throw<ConfigException>(() => StackCompiler.Compile(StackFixtures.FromStackFile("staging", $"keepRevisions={value}"), "staging"));

        error.Message.ShouldContain("keepRevisions");
        error.Message.ShouldContain("100");
    }
}
