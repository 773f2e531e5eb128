using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Config;

/// <summary>The owner keys of a preview (issue 10 §2): the fork its names derive from, and the pull request that owns it.</summary>
public class PreviewOwnerConfigTests
{
    [Test]
    public void A_forks_preview_takes_every_name_from_the_fork_and_the_branch()
    {
        // Arrange
        var fork = PreviewNames.For("shop", "feature/Login_Page", "alice/shop");

        // Act
        var template = StackFixtures.Preview("headRepository=alice/shop", "ownerPullRequest=12");

        // Assert
        template.HasResourceProperties("aws:ecs:Service", new { name = fork.ServiceName });
        template.HasResourceProperties("aws:lb:TargetGroup", new { name = fork.TargetGroupName });
        template.HasResourceProperties("aws:iam:Role", new { name = fork.ExecutionRoleName });
        fork.ServiceName.ShouldNotBe(PreviewNames.For("shop", "feature/Login_Page").ServiceName);
    }

    [Test]
    public void This_repositorys_previews_keep_their_names()
    {
        var template = StackFixtures.Preview("ownerPullRequest=12");

        template.HasResourceProperties("aws:ecs:Service", new { name = PreviewNames.For("shop", "feature/Login_Page").ServiceName });
    }

    [TestCase("headRepository=alice", "deployments:headRepository", "must be a GitHub repository as owner/name")]
    [TestCase("headRepository=alice/shop:main", "deployments:headRepository", "must be a GitHub repository as owner/name")]
    [TestCase("ownerPullRequest=0", "deployments:ownerPullRequest", "is not allowed: an integer from 1")]
    [TestCase("ownerPullRequest=twelve", "deployments:ownerPullRequest", "is not allowed: an integer from 1")]
    public void Bad_owner_keys_are_config_errors_naming_the_key(string assignment, string key, string message)
    {
        var source = StackFixtures.FromAssignments([.. StackFixtures.PreviewConfig, assignment]);

        var error = Should.Throw<ConfigException>(() => StackCompiler.Compile(source, "preview-x"));

        error.Problems.Single().Key.ShouldBe(key);
        error.Problems.Single().Message.ShouldContain(message);
    }
}
