using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

/// <summary>A fork's branch and this repository's branch of the same name never share a preview (issue 10 §2).</summary>
public class PreviewSourceTests
{
    [Test]
    public void A_forks_branch_gets_other_names_than_the_same_branch_here()
    {
        // Arrange / Act
        var here = NameShapes.Of(PreviewNames.For("shop", "feature/x"));
        var fork = NameShapes.Of(PreviewNames.For("shop", "feature/x", "alice/shop"));

        // Assert: every single name differs, not only the stack.
        foreach (var (_, kind, name, _) in here)
            fork.Single(n => n.Kind == kind).Name.ShouldNotBe(name, kind);
    }

    [Test]
    public void A_forks_names_are_exact_and_readable()
    {
        var names = PreviewNames.For("shop", "feature/x", "Alice/Shop");

        names.Branch.ShouldBe("feature/x");
        names.StackName.ShouldBe("preview-alice-shop-feature-x-" + NameHash.Of("alice/shop:feature/x"));
        names.TargetGroupName.Length.ShouldBeLessThanOrEqualTo(NameLimits.TargetGroup);
        PreviewNames.StackNameFor("feature/x", "alice/shop").ShouldBe(names.StackName, "the name ignores the case GitHub ignores");
    }

    [Test]
    public void This_repositorys_branches_keep_their_names()
    {
        PreviewNames.StackNameFor("changes").ShouldBe("preview-changes");
        PreviewNames.StackNameFor("changes", null).ShouldBe("preview-changes");
        PreviewNames.StackNameFor("feature/login").ShouldBe("preview-feature-login-df7c7aeb");
    }

    [Test]
    public void No_branch_here_can_take_a_forks_names()
    {
        // The literal text a fork's key normalises to, as a branch of this repository, is hashed with its own text.
        var fork = PreviewNames.StackNameFor("x", "alice/shop");

        PreviewNames.StackNameFor("alice-shop-x").ShouldNotBe(fork);
        PreviewNames.StackNameFor("alice/shop/x").ShouldNotBe(fork);
        PreviewNames.StackNameFor(fork["preview-".Length..]).ShouldNotBe(fork);
    }

    [Test]
    public void Over_generated_branches_no_fork_shares_a_name_with_this_repository_or_another_fork()
    {
        // Arrange: each branch here, in two forks, and the text its fork key normalises to as a branch here too.
        var registry = new NameRegistry();
        var branches = BranchGenerator.Generate(seed: 20261201, 2_000);

        // Act
        foreach (var branch in branches)
        {
            registry.ClaimAll(NameShapes.Of(PreviewNames.For("shop", branch)), $"branch '{branch}'");
            foreach (var fork in new[] { "alice/shop", "bob/shop" })
            {
                var source = new PreviewSource(branch, fork);
                registry.ClaimAll(NameShapes.Of(PreviewNames.For("shop", source)), $"branch '{branch}' of {fork}");
                var lookalike = BranchSlug.From(source.Key).Readable;
                if (!branches.Contains(lookalike)) registry.ClaimAll(NameShapes.Of(PreviewNames.For("shop", lookalike)), $"branch '{lookalike}'");
            }
        }

        // Assert
        registry.Failures.Take(10).ShouldBeEmpty();
    }

    [TestCase("alice")]
    [TestCase("alice/")]
    [TestCase("/shop")]
    [TestCase("alice/shop/extra")]
    [TestCase("alice/shop:x")]
    [TestCase("alice/..")]
    [TestCase("al ice/shop")]
    [TestCase("alice/shop\n")]
    [TestCase("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/shop")] // a 40-character owner
    public void A_head_repository_that_GitHub_would_not_print_is_refused(string repository)
    {
        NameRules.TryValidateRepository(repository, out var message).ShouldBeFalse();
        message.ShouldContain("owner/name");
        Should.Throw<ArgumentException>(() => new PreviewSource("feature/x", repository));
    }

    [TestCase("alice/shop")]
    [TestCase("octo-org/my.repo_2")]
    public void GitHub_repositories_are_accepted(string repository) =>
        NameRules.TryValidateRepository(repository, out _).ShouldBeTrue();
}
