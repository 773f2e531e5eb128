using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

public class NameFitterTests
{
    [TestCase("shop-pv-", "main", "", 32, "shop-pv-main")]
    [TestCase("shop-pv-", "main", "-migrate", 20, "shop-pv-main-migrate")]
    [TestCase("shop-pv-", "feature/login", "", 32, "shop-pv-feature-login-df7c7aeb")]
    [TestCase("shop-pv-", "feature/login", "", 29, "shop-pv-feature-logi-df7c7aeb")]
    [TestCase("shop-pv-", "feature/login", "-execution", 32, "shop-pv-featu-df7c7aeb-execution")]
    // Cut at "very-" then the dangling '-' is dropped, so no "--" appears before the hash.
    [TestCase("shop-pv-", "very-long-branch", "", 22, "shop-pv-very-32af1546")]
    [TestCase("x-", "main-branch-name", "", 12, "x-m-1f2b0d7d")]
    public void Fits_exactly(string prefix, string branch, string suffix, int max, string expected)
    {
        // Arrange
        var slug = BranchSlug.From(branch);

        // Act
        var name = NameFitter.Fit(prefix, slug, suffix, max, branch);

        // Assert
        name.ShouldBe(expected);
        name.Length.ShouldBeLessThanOrEqualTo(max);
    }

    [Test]
    public void A_fitted_name_ends_with_the_hash_of_the_original_branch_not_of_the_kept_text()
    {
        // Arrange: two un-hashed slugs that agree in the 7 characters a 20-character name keeps.
        const string first = "release-candidate-one";
        const string second = "release-candidate-two";

        // Act
        var a = NameFitter.Fit("app-", BranchSlug.From(first), "", 20, first);
        var b = NameFitter.Fit("app-", BranchSlug.From(second), "", 20, second);

        // Assert
        a.ShouldBe("app-release-07254f7d");
        b.ShouldBe("app-release-7dd9eb98");
        a.ShouldNotBe(b);
    }

    [Test]
    public void A_prefix_that_leaves_no_room_for_the_branch_is_refused() =>
        Should.Throw<ArgumentException>(() => NameFitter.Fit("a-very-long-prefix-", BranchSlug.From("feature/x"), "", 27, "feature/x"))
            .Message.ShouldContain("leave no room for a branch in a name of at most 27 characters");
}
