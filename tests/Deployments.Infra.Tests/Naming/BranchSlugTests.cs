using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

public class BranchSlugTests
{
    private const string Piece = "very-long-branch-name-";
    /// <summary>8 + 11 × 22 = 250 characters.</summary>
    internal const string Long250 = "feature/" + Piece + Piece + Piece + Piece + Piece + Piece + Piece + Piece + Piece + Piece + Piece;

    // Exact outputs of a deterministic function; the hashes (first 8 hex of SHA-256 of the UTF-8 branch) were
    // computed once with an independent script (Python hashlib) and are hard-coded on purpose.
    [TestCase("main", "main")]
    [TestCase("release-2024", "release-2024")]
    [TestCase("123-start", "123-start")]
    [TestCase("migrate", "migrate")]
    [TestCase("branch", "branch")]
    [TestCase("feature/login", "feature-login-df7c7aeb")]
    [TestCase("Feature-X", "feature-x-991d5c24")]
    [TestCase("fix_bug.2", "fix-bug-2-f045ee79")]
    [TestCase("\u00fcn\u00efc\u00f6d\u00e9-branch", "n-c-d-branch-7e41da0f")]
    [TestCase("日本語", "branch-77710aed")]
    [TestCase("---", "branch-cb3f91d5")]
    [TestCase(Long250, "feature-very-long-branch-name-v-5f46d83a")]
    [TestCase("feature-x-deadbeef", "feature-x-deadbeef-40b3fb1f")]
    [TestCase("x-migrate", "x-migrate-2c3919be")]
    public void Slug_is_exact_and_well_formed(string branch, string expected)
    {
        // Arrange: the branch from the table.

        // Act
        var slug = BranchSlug.From(branch);

        // Assert
        slug.Value.ShouldBe(expected);
        slug.Value.ShouldMatch(NameShapes.Slug().ToString());
        slug.Hashed.ShouldBe(slug.Value != branch);
        if (slug.Hashed) slug.Value.ShouldEndWith("-" + NameHash.Of(branch));
    }

    [Test]
    public void The_250_character_branch_is_shortened_to_40_keeping_its_start()
    {
        // Arrange / Act
        var slug = BranchSlug.From(Long250);

        // Assert
        Long250.Length.ShouldBe(250);
        slug.Value.Length.ShouldBe(BranchSlug.MaxLength);
        slug.Readable.ShouldBe("feature-very-long-branch-name-v");
    }

    [Test]
    public void A_branch_named_like_another_branchs_hashed_slug_gets_a_different_slug()
    {
        // Arrange: "Feature-X" becomes "feature-x-991d5c24"; a branch may literally be called that.
        var hashed = BranchSlug.From("Feature-X");

        // Act
        var literal = BranchSlug.From(hashed.Value);

        // Assert
        literal.Value.ShouldNotBe(hashed.Value);
        literal.Hashed.ShouldBeTrue();
    }
}
