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
    [TestCase("7d\n")]
    [TestCase("99999999999d")]
    [TestCase("10675199d")]
    [TestCase("99999999h99999999m")]
    public void Refuses(string text) =>
        Should.Throw<UserInputException>(() => Duration.Parse("--max-age", text)).Message.ShouldStartWith("--max-age: ");

    [Test]
    public void Waits_are_bounded_more_tightly_than_ages()
    {
        Duration.Parse("--timeout", "7d", Duration.MaxWait).ShouldBe(TimeSpan.FromDays(7));
        Should.Throw<UserInputException>(() => Duration.Parse("--timeout", "8d", Duration.MaxWait)).Message.ShouldBe("--timeout: '8d' is not allowed: at most 7d");
    }
}
