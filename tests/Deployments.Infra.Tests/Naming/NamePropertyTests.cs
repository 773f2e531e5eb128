using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

/// <summary>
/// Over 20,000 generated branches (seeded, so a failure reproduces): every derived name is within its limit and
/// charset, and no two distinct branches share a name in any AWS namespace, for the shortest and longest app names.
/// </summary>
public class NamePropertyTests
{
    private const int Count = 20_000;
    private static readonly IReadOnlyList<string> Branches = BranchGenerator.Generate(seed: 20261122, Count);

    [Test]
    public void The_generated_branches_include_every_kind_of_near_duplicate()
    {
        // Arrange
        var all = Branches.ToHashSet(StringComparer.Ordinal);

        // Act: the generator ran once for the fixture.

        // Assert: a generator that stopped producing these would let the property test pass vacuously.
        Branches.Count.ShouldBe(Count);
        all.Count.ShouldBe(Count);
        Branches.Count(b => b.Length > 255).ShouldBeGreaterThan(500);
        Branches.Count(b => b.Any(c => c > 127)).ShouldBeGreaterThan(2000);
        Branches.Count(b => BranchSlug.From(b).Value == b).ShouldBeGreaterThan(500);
        Branches.Count(NameHash.LooksHashed).ShouldBeGreaterThan(2000);
        Branches.Count(b => all.Contains(b + "-migrate")).ShouldBeGreaterThan(1000);
        Branches.Count(b => b != b.ToUpperInvariant() && all.Contains(b.ToUpperInvariant())).ShouldBeGreaterThan(1000);
        Branches.Count(b => BranchSlug.From(b).Value is var slug && slug != b && all.Contains(slug)).ShouldBeGreaterThan(1000);
    }

    [TestCase("a")]
    [TestCase("shop")]
    [TestCase("abcdefghijklmnop")]
    public void Every_name_is_within_its_rule_and_no_two_branches_share_one(string app)
    {
        // Arrange
        var registry = new NameRegistry();

        // Act
        foreach (var branch in Branches)
            registry.ClaimAll(NameShapes.Of(PreviewNames.For(app, branch)), $"branch '{branch}'");

        // Assert
        registry.Failures.Take(10).ShouldBeEmpty();
        registry.Count("slug").ShouldBe(Count);
        registry.Count("ecs family").ShouldBe(2 * Count);
        registry.Count("security group").ShouldBe(2 * Count);
    }

    [Test]
    public void Derived_names_are_the_same_on_every_call()
    {
        // Arrange
        var sample = Branches.Where((_, i) => i % 100 == 0).ToList();

        // Act
        var first = sample.Select(b => PreviewNames.For("shop", b)).ToList();
        var second = sample.Select(b => PreviewNames.For("shop", b)).ToList();

        // Assert
        second.ShouldBe(first);
    }
}
