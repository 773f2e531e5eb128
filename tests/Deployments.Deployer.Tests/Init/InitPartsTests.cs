using Deployments.Deployer.Init;

namespace Deployments.Deployer.Tests.Init;

/// <summary>The small pure pieces of init: the default app name, the origin remote, the tool's own identity.</summary>
public class InitPartsTests
{
    [TestCase("shop", "shop")]
    [TestCase("My_Shop", "my-shop")]
    [TestCase("2024-web.App", "web-app")]
    [TestCase("a very long repository name", "a-very-long-repo")]
    [TestCase("--x--", "x")]
    [TestCase("Überweb", "berweb")]
    public void The_directory_name_is_normalised_to_an_app_name(string directory, string app) =>
        AppName.FromDirectory(directory).ShouldBe(app);

    [TestCase("123")]
    [TestCase("___")]
    [TestCase("日本")]
    public void A_directory_name_with_no_letter_makes_no_app_name(string directory) =>
        AppName.FromDirectory(directory).ShouldBeNull();

    [TestCase("https://github.com/acme/shop.git", "acme/shop")]
    [TestCase("https://github.com/acme/shop", "acme/shop")]
    [TestCase("git@github.com:acme/shop.git", "acme/shop")]
    [TestCase("ssh://git@github.com/acme/my.shop.git", "acme/my.shop")]
    public void The_origin_remote_on_github_gives_the_repository(string url, string repository) =>
        GitRemote.FromConfigText($"[core]\n\tbare = false\n[remote \"origin\"]\n\turl = {url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n").ShouldBe(repository);

    [TestCase("https://gitlab.com/acme/shop.git")]
    [TestCase("https://github.com/acme/shop/extra")]
    [TestCase("https://github.com/-acme/shop")]
    [TestCase("https://github.com/acme/${{x}}")]
    public void Another_host_or_a_malformed_repository_gives_no_default(string url) =>
        GitRemote.FromConfigText($"[remote \"origin\"]\n\turl = {url}\n").ShouldBeNull();

    [Test]
    public void Only_the_origin_remote_counts() =>
        GitRemote.FromConfigText("[remote \"fork\"]\n\turl = https://github.com/me/shop\n").ShouldBeNull();

    [Test]
    public void The_informational_version_gives_the_version_and_the_commit()
    {
        var sha = new string('a', 40);

        ToolIdentity.Parse($"0.2.0+{sha}").ShouldBe(new ToolIdentity("0.2.0", sha));
        ToolIdentity.Parse("0.2.0-beta.1").ShouldBe(new ToolIdentity("0.2.0-beta.1", null));
        ToolIdentity.Parse("0.2.0+abc123").Commit.ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => ToolIdentity.Parse("0.2.0\n# x"));
    }

    [Test]
    public void The_running_tool_knows_the_commit_it_was_built_from()
    {
        // The SDK's Source Link support writes it into the informational version of a build inside a git clone.
        ToolIdentity.Running.Commit.ShouldNotBeNull();
        ToolIdentity.Running.Commit.ShouldMatch("^[0-9a-f]{40}$");
    }

    [Test]
    public void Our_action_is_pinned_to_the_tool_s_commit_or_says_it_is_not()
    {
        var sha = new string('b', 40);

        ActionPins.Action("acme/deployments", new ToolIdentity("0.2.0", sha), out var pinned).ShouldBe($"acme/deployments@{sha} # v0.2.0");
        pinned.ShouldBeTrue();
        ActionPins.Action("acme/deployments", new ToolIdentity("0.2.0", null), out pinned).ShouldStartWith("acme/deployments@v0.2.0 # not pinned");
        pinned.ShouldBeFalse();
    }
}
