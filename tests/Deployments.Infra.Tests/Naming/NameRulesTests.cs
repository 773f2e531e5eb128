using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

public class NameRulesTests
{
    [TestCase("app", true)]
    [TestCase("shop-api", true)]
    [TestCase("a1234567890123456", false)]
    [TestCase("", false)]
    [TestCase("1app", false)]
    [TestCase("App", false)]
    [TestCase("app-", false)]
    [TestCase("my--app", false)]
    [TestCase("my_app", false)]
    public void App_names(string name, bool valid)
    {
        NameRules.TryValidateAppName(name, out var message).ShouldBe(valid);
        if (!valid) message.ShouldBe("must be 1-16 characters of a-z, 0-9 and '-', start with a letter, not end with '-' and not contain '--'");
    }

    [TestCase("staging", true)]
    [TestCase("production", true)]
    [TestCase("pv", false)]
    [TestCase("pv-1", false)]
    [TestCase("preview", false)]
    [TestCase("Staging", false)]
    [TestCase("abcdefghijklmnop", false)]
    public void Environment_names_cannot_take_preview_names(string name, bool valid) =>
        NameRules.TryValidateEnvironmentName(name, out _).ShouldBe(valid);
}
