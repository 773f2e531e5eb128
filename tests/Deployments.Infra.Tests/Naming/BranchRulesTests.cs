using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

/// <summary>Which branch names are accepted, and that a refusal says what is allowed.</summary>
public class BranchRulesTests
{
    private const string Rule = "must be a git branch name of 1-1024 characters: not only whitespace, no control characters, no unpaired surrogates";

    // A source, not [TestCase]: attribute strings are stored as UTF-8, which would turn lone surrogates into U+FFFD.
    private static readonly string[] InvalidBranches = ["", "   ", "tab\there", "new\nline", "nul\0", "lone\uD800high", "lone\uDC00low", "end\uD83D"];

    [TestCase("main", true)]
    [TestCase("feature/日本語 🚀", true)]
    [TestCase(" main", true)]
    [TestCase("\uD83D\uDE80", true)]
    [TestCase(null, false)]
    [TestCase("", false)]
    [TestCase(" \u00a0", false)]
    [TestCase("a\u007fb", false)]
    [TestCase("a\u0085b", false)]
    public void Branches(string? branch, bool valid)
    {
        // Arrange / Act
        var result = NameRules.TryValidateBranch(branch, out var message);

        // Assert
        result.ShouldBe(valid);
        message.ShouldBe(valid ? "" : Rule);
    }

    [TestCaseSource(nameof(InvalidBranches))]
    public void Invalid_branches_are_refused_with_what_is_allowed(string branch) =>
        Should.Throw<ArgumentException>(() => BranchSlug.From(branch)).Message.ShouldBe("branch " + Rule + " (Parameter 'branch')");

    [Test]
    public void A_branch_of_1024_characters_is_accepted_and_one_of_1025_refused()
    {
        // Arrange
        var longest = new string('a', 1024);

        // Act / Assert
        BranchSlug.From(longest).Value.Length.ShouldBe(BranchSlug.MaxLength);
        Should.Throw<ArgumentException>(() => BranchSlug.From(longest + "a"));
    }
}
