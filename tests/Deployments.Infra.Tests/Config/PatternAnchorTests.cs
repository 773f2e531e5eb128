using System.Reflection;
using System.Text.RegularExpressions;
using Deployments.Infra.Config;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Config;

/// <summary>
/// In .NET, <c>$</c> also matches before a final <c>\n</c> (https://learn.microsoft.com/dotnet/standard/base-types/anchors-in-regular-expressions#end-of-string-or-line-),
/// so every pattern must end at <c>\z</c>: a value with a trailing line break is refused, not silently accepted.
/// </summary>
public class PatternAnchorTests
{
    private static readonly Dictionary<string, string> ValidExamples = new()
    {
        ["ImageTag"] = "1.4.2-3f9a2c1",
        ["HealthPath"] = "/health",
        ["EnvName"] = "LOG_LEVEL",
        ["SecretArn"] = "arn:aws:ssm:eu-west-1:123456789012:parameter/app/key",
        ["CertificateArn"] = "arn:aws:acm:eu-west-1:123456789012:certificate/abc-123",
        ["PolicyArn"] = "arn:aws:iam::aws:policy/ReadOnlyAccess",
        ["VpcId"] = "vpc-0123456789abcdef0",
        ["SubnetId"] = "subnet-0123456789abcdef0",
        ["Cidr"] = "10.0.0.0/16",
        ["HostedZoneId"] = "Z0123456789ABC",
        ["DnsName"] = "app.example.com",
        ["Region"] = "eu-west-1",
        ["GitSha"] = "3f9a2c1",
        ["StackReference"] = "organization/deployments/staging",
        ["DatabaseName"] = "app",
        ["DatabaseUser"] = "app",
        ["DbInstanceClass"] = "db.t4g.micro",
        ["BucketName"] = "shop-alb-logs",
        ["ProjectName"] = "shop",
    };

    private static IEnumerable<MethodInfo> Patterns() => typeof(ConfigPatterns).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0);

    [Test]
    public void Every_pattern_has_a_valid_example_here() =>
        Patterns().Select(m => m.Name).Order().ShouldBe(ValidExamples.Keys.Order());

    [TestCaseSource(nameof(Names))]
    public void A_trailing_line_break_is_refused(string name)
    {
        var pattern = (Regex)typeof(ConfigPatterns).GetMethod(name)!.Invoke(null, null)!;

        pattern.IsMatch(ValidExamples[name]).ShouldBeTrue($"{name} should accept its example");
        pattern.IsMatch(ValidExamples[name] + "\n").ShouldBeFalse($"{name} accepts a value ending in \\n");
    }

    private static IEnumerable<string> Names() => ValidExamples.Keys;

    [Test]
    public void An_image_tag_ending_in_a_line_break_is_a_config_error()
    {
        var error = Should.Throw<ConfigException>(() => StackCompiler.Compile(StackFixtures.FromStackFile("staging", "imageTag=main\n"), "staging"));

        error.Problems.Single().Key.ShouldBe("deployments:imageTag");
    }
}
