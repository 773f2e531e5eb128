using System.Text.RegularExpressions;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>
/// Every action a workflow or action.yml uses is this repository's own (<c>./</c>) or pinned to a full commit SHA with
/// its version in a comment: a tag can be moved to other code, a commit cannot
/// (https://docs.github.com/en/actions/reference/security/secure-use#using-third-party-actions).
/// </summary>
[Category("workflows")]
public class PinnedActionsTests
{
    private static readonly Regex Uses = new(@"^\s*(?:-\s+)?uses:\s*(?<ref>\S+)(?<rest>.*)$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex Pinned = new(@"\A[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_./-]+)?@[0-9a-f]{40}\z", RegexOptions.CultureInvariant);
    private static readonly Regex VersionComment = new(@"\A\s+#\s+v\d+\.\d+\.\d+\s*\z", RegexOptions.CultureInvariant);

    /// <summary>Every <c>uses:</c> of the text that is neither <c>./</c> nor pinned with a version comment.</summary>
    public static IEnumerable<string> Unpinned(string text) =>
        Uses.Matches(text).Where(m => m.Groups["ref"].Value != "./"
                && !(Pinned.IsMatch(m.Groups["ref"].Value) && VersionComment.IsMatch(m.Groups["rest"].Value)))
            .Select(m => m.Value.Trim());

    private static IEnumerable<string> Files() =>
        Directory.GetFiles(RepoRoot.File(".github", "workflows"), "*.yml").Append(RepoRoot.File("action.yml")).Order(StringComparer.Ordinal);

    [Test]
    public void Every_uses_is_local_or_pinned_to_a_commit_sha_with_its_version()
    {
        // Act
        var offenders = Files().SelectMany(f => Unpinned(File.ReadAllText(f)).Select(u => $"{Path.GetFileName(f)}: {u}")).ToList();
        var count = Files().Sum(f => Uses.Matches(File.ReadAllText(f)).Count);

        // Assert
        offenders.ShouldBeEmpty();
        count.ShouldBeGreaterThan(10);
    }

    [TestCase("- uses: actions/checkout@v4")]
    [TestCase("- uses: actions/checkout@main # v7.0.1")]
    [TestCase("- uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1")]
    [TestCase("- uses: actions/checkout@3d3c42e5 # v7.0.1")]
    [TestCase("  uses: docker/build-push-action@53b7df96c91f9c12dcc8a07bcb9ccacbed38856a # latest")]
    [TestCase("- uses: ./.github/actions/other")]
    [TestCase("- uses: docker://alpine:3.20")]
    public void The_check_refuses_a_tag_a_branch_a_short_sha_or_a_sha_without_its_version(string line) =>
        Unpinned($"steps:\n  {line}\n").ShouldHaveSingleItem();

    [TestCase("- uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1")]
    [TestCase("  uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3")]
    [TestCase("- uses: ./")]
    public void The_check_accepts_a_pinned_or_local_action(string line) =>
        Unpinned($"steps:\n  {line}\n").ShouldBeEmpty();
}
