using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Tests.Pulumi;

public class DurationTests
{
    [TestCase("7d", 7 * 24 * 60)]
    [TestCase("36h", 36 * 60)]
    [TestCase("1d12h", 36 * 60)]
    [TestCase("90m", 90)]
    public void Parses(string text, int minutes) => Duration.Parse("--max-age", text).TotalMinutes.ShouldBe(minutes);

    [TestCase("")]
    [TestCase("7")]
    [TestCase("1w")]
    [TestCase("-1d")]
    [TestCase("0m")]
    public void Refuses(string text) =>
        Should.Throw<UserInputException>(() => Duration.Parse("--max-age", text)).Message.ShouldStartWith("--max-age: ");
}
