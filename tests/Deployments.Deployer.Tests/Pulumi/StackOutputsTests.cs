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

    [Test]
    public void A_secret_output_is_never_used_as_a_value()
    {
        // `pulumi stack output --json` without --show-secrets prints a secret as "[secret]"; the deployer never asks
        // for secrets, so such an output must not be copied (as that text, or as plain config) into a preview.
        var outputs = new StackOutputs("staging", JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
            """{"previewDefaults": "[secret]", "previewDomain": "[secret]"}""")!, "--parent");

        Should.Throw<UserInputException>(() => outputs.Object("previewDefaults")).Message.ShouldBe(
            "--parent: stack 'staging' output 'previewDefaults' is a secret: the deployer never reads secret outputs, so it cannot use it or copy it into a preview; make it a plain output (application secrets belong in `secrets:` as ARNs)");
        Should.Throw<UserInputException>(() => outputs.Text("previewDomain")).Message.ShouldContain("output 'previewDomain' is a secret");
    }
}
