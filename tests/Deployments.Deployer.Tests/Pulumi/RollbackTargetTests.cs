using Deployments.Deployer.Environments;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Tests.Pulumi;

public class RollbackTargetTests
{
    private static UpdateRecord Update(int version, string result, string tag, string kind = "update") =>
        new(version, kind, result, null, null, "", new Dictionary<string, string?> { [Infra.Config.PulumiProject.Default.Key("imageTag")] = tag }, new Dictionary<string, int>());

    // Newest first, as stack history prints it.
    private static readonly UpdateRecord[] History =
    [
        Update(6, "failed", "1.3.0"), Update(5, "succeeded", "1.2.0"), Update(4, "succeeded", "1.2.0", "refresh"),
        Update(3, "succeeded", "1.2.0"), Update(2, "failed", "1.1.5"), Update(1, "succeeded", "1.1.0"),
    ];

    [Test]
    public void Default_is_the_newest_successful_update_with_another_image() =>
        RollbackTarget.Choose(History, Infra.Config.PulumiProject.Default, null, null).ImageTag.ShouldBe("1.1.0");

    [Test]
    public void A_named_version_must_have_succeeded()
    {
        RollbackTarget.Choose(History, Infra.Config.PulumiProject.Default, 3, null).ImageTag.ShouldBe("1.2.0");
        Should.Throw<UserInputException>(() => RollbackTarget.Choose(History, Infra.Config.PulumiProject.Default, 2, null)).Message.ShouldContain("ended 'failed'");
    }

    [Test]
    public void Nothing_to_roll_back_to_is_said_plainly()
    {
        Should.Throw<UserInputException>(() => RollbackTarget.Choose([Update(1, "succeeded", "1.0.0")], Infra.Config.PulumiProject.Default, null, null))
            .Message.ShouldContain("no earlier successful update ran an image other than 1.0.0");
        Should.Throw<UserInputException>(() => RollbackTarget.Choose([], Infra.Config.PulumiProject.Default, null, null)).Message.ShouldContain("no successful update yet");
    }
}
