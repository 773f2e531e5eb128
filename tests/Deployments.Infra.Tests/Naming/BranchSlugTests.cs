using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

public class BranchSlugTests
{
    // Expected values are exact outputs of a deterministic function (hash = first 8 hex of SHA-256 of the branch).
    [TestCase("main", "main")]
    [TestCase("release-2024", "release-2024")]
    [TestCase("123-start", "123-start")]
    [TestCase("feature/login", "feature-login-df7c7aeb")]
    [TestCase("Feature-X", "feature-x-991d5c24")]
    [TestCase("fix_bug.2", "fix-bug-2-f045ee79")]
    [TestCase("ünïcödé-branch", "n-c-d-branch-7e41da0f")]
    [TestCase("日本語", "branch-77710aed")]
    [TestCase("---", "branch-cb3f91d5")]
    [TestCase("branch", "branch")]
    [TestCase("feature-x-deadbeef", "feature-x-deadbeef-40b3fb1f")]
    public void Slug_is_exact(string branch, string expected) =>
        BranchSlug.From(branch).Value.ShouldBe(expected);

    [Test]
    public void A_long_branch_is_shortened_to_40_with_its_hash()
    {
        // Arrange
        var branch = "feature/" + string.Concat(Enumerable.Repeat("very-long-name-", 16)) + "end";

        // Act
        var slug = BranchSlug.From(branch);

        // Assert
        branch.Length.ShouldBe(251);
        slug.Value.ShouldBe("feature-very-long-name-very-lon-" + NameHash.Of(branch));
        slug.Value.Length.ShouldBeLessThanOrEqualTo(BranchSlug.MaxLength);
        slug.Readable.ShouldBe("feature-very-long-name-very-lon");
    }

    [Test]
    public void An_unchanged_branch_that_ends_like_a_hash_is_hashed_so_it_cannot_impersonate_a_hashed_slug()
    {
        // "Feature-X" becomes "feature-x-991d5c24"; the literal branch of that name must not get the same slug.
        var hashed = BranchSlug.From("Feature-X");
        var literal = BranchSlug.From(hashed.Value);

        literal.Value.ShouldNotBe(hashed.Value);
        literal.Hashed.ShouldBeTrue();
    }

    [TestCase("")]
    [TestCase("tab\there")]
    [TestCase("new\nline")]
    public void Invalid_branches_are_refused_with_what_is_allowed(string branch) =>
        Should.Throw<ArgumentException>(() => BranchSlug.From(branch))
            .Message.ShouldStartWith("branch must be a git branch name of 1-1024 characters without control characters");

    [Test]
    public void A_branch_over_1024_characters_is_refused() =>
        Should.Throw<ArgumentException>(() => BranchSlug.From(new string('a', 1025)));
}
