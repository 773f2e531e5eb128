using System.Text.Json;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Tests.Pulumi;

public class StackOutputsTests
{
    private static readonly StackOutputs Outputs = new("staging", JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
        """{"url": "https://x", "subnets": ["a", "b"], "defaults": {"cpu": 256}, "count": 3}""")!);

    [Test]
    public void Reads_values_by_their_kind()
    {
        Outputs.Text("url").ShouldBe("https://x");
        Outputs.List("subnets").ShouldBe(["a", "b"]);
        Outputs.Object("defaults").GetProperty("cpu").GetInt32().ShouldBe(256);
    }

    [Test]
    public void A_missing_or_mistyped_output_is_a_user_error_naming_it()
    {
        Should.Throw<UserInputException>(() => Outputs.Text("region")).Message
            .ShouldBe("--stack: stack 'staging' has no 'region' output; is it a stack of this project, deployed with this version?");
        Should.Throw<UserInputException>(() => Outputs.List("url")).Message.ShouldContain("has no 'url' list output");
        Should.Throw<UserInputException>(() => Outputs.Text("count")).Message.ShouldContain("has no 'count' output");
    }
}
