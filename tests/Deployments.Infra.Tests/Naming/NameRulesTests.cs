using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

public class NameRulesTests
{
    private const string AppRule = "must be 1-16 characters of a-z, 0-9 and '-', start with a letter, not end with '-' and not contain '--'";
    private const string AppReserved = "must not be 'internal' or 'sg' or start with 'internal-' or 'sg-' (AWS reserves those prefixes for ALB and security group names)";
    private const string EnvRule = "must be 1-15 characters of a-z, 0-9 and '-', start with a letter, not end with '-' and not contain '--'";
    private const string EnvReserved = "must not be 'pv' or 'preview', start with 'pv-' or 'preview-', or end with '-migrate' or '-preview' (those names belong to preview stacks or to another environment's resources)";

    [TestCase("a", "")]
    [TestCase("app", "")]
    [TestCase("shop-api2", "")]
    [TestCase("abcdefghijklmnop", "")]
    [TestCase("internals", "")]
    [TestCase("abcdefghijklmnopq", AppRule)]
    [TestCase("", AppRule)]
    [TestCase(null, AppRule)]
    [TestCase("1app", AppRule)]
    [TestCase("-app", AppRule)]
    [TestCase("App", AppRule)]
    [TestCase("app-", AppRule)]
    [TestCase("my--app", AppRule)]
    [TestCase("my_app", AppRule)]
    [TestCase("café", AppRule)]
    [TestCase("internal", AppReserved)]
    [TestCase("internal-tools", AppReserved)]
    [TestCase("sg", AppReserved)]
    [TestCase("sg-app", AppReserved)]
    public void App_names(string? name, string expectedMessage)
    {
        // Arrange: the name from the table.

        // Act
        var valid = NameRules.TryValidateAppName(name, out var message);

        // Assert
        valid.ShouldBe(expectedMessage.Length == 0);
        message.ShouldBe(expectedMessage);
    }

    [TestCase("staging", "")]
    [TestCase("production", "")]
    [TestCase("abcdefghijklmno", "")]
    [TestCase("pvx", "")]
    [TestCase("previews", "")]
    [TestCase("migrate", "")]
    [TestCase("abcdefghijklmnop", EnvRule)]
    [TestCase("", EnvRule)]
    [TestCase(null, EnvRule)]
    [TestCase("Staging", EnvRule)]
    [TestCase("2024", EnvRule)]
    [TestCase("qa-", EnvRule)]
    [TestCase("qa--1", EnvRule)]
    [TestCase("pv", EnvReserved)]
    [TestCase("pv-1", EnvReserved)]
    [TestCase("preview", EnvReserved)]
    [TestCase("preview-1", EnvReserved)]
    [TestCase("staging-migrate", EnvReserved)]
    [TestCase("staging-preview", EnvReserved)]
    public void Environment_names(string? name, string expectedMessage)
    {
        // Arrange: the name from the table.

        // Act
        var valid = NameRules.TryValidateEnvironmentName(name, out var message);

        // Assert
        valid.ShouldBe(expectedMessage.Length == 0);
        message.ShouldBe(expectedMessage);
    }
}
