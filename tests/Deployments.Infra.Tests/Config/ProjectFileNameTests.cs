using Deployments.Infra.Config;

namespace Deployments.Infra.Tests.Config;

public class ProjectFileNameTests
{
    [TestCase("name: shop\nruntime: yaml\n", "shop")]
    [TestCase("description: x\nname: \"shop\" # the project\n", "shop")]
    [TestCase("runtime:\n  name: yaml\nname: 'shop'\n", "shop")]
    [TestCase("runtime:\n  name: yaml\n", null)]
    [TestCase("name:\n", null)]
    public void Reads_the_top_level_name(string text, string? expected) => ProjectFileName.Read(text).ShouldBe(expected);

    [Test]
    public void Reads_this_projects_file() => ProjectFileName.Read(File.ReadAllText(RepoRoot.File("Pulumi.yaml"))).ShouldBe("deployments");
}
