using Deployments.Deployer.Environments;

namespace Deployments.Deployer.Tests.Pulumi;

/// <summary>Which images count as an environment's own: <c>repositoryUrl:tag</c> or <c>repositoryUrl@digest</c>, nothing else.</summary>
public class RunningImageTests
{
    private const string Repository = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-staging";

    [Test]
    public void A_tag_or_a_digest_in_the_repository_is_its_own()
    {
        RunningImage.Parse($"{Repository}:1.4.2-3f9a2c1", Repository).ShouldBe(new RunningImage($"{Repository}:1.4.2-3f9a2c1", "1.4.2-3f9a2c1", null));
        RunningImage.Parse($"{Repository}@sha256:abcd", Repository)!.Digest.ShouldBe("sha256:abcd");
    }

    [TestCase(Repository + "-preview:1.0.0")] // the preview repository is another repository
    [TestCase("public.ecr.aws/other/shop-staging:1.0.0")]
    [TestCase(Repository)]
    [TestCase(Repository + ":")]
    [TestCase(Repository + ":bad tag")]
    [TestCase(Repository + ":1.0.0\n")]
    public void Any_other_image_is_not(string image)
    {
        RunningImage.Parse(image, Repository).ShouldBeNull();
        RevisionImage.TagOf(image, Repository).ShouldBeNull();
    }
}
