using System.Text;

namespace Deployments.Infra.Naming;

/// <summary>
/// A branch as a name part: lower-case ASCII letters, digits and single '-', no '-' at either end, 1-40 characters.
/// </summary>
/// <remarks>
/// The slug is the branch itself when the branch already is such a slug. Otherwise it is the normalised text,
/// shortened to leave room, plus '-' and the hash of the original branch. The hash is appended when
/// (a) normalisation changed anything, (b) the text had to be shortened, or (c) the unchanged branch ends like
/// something this module appends: '-' + 8 hex digits (a hash) or "-migrate" (the migration family's suffix).
/// Rule (c) is what makes collisions impossible short of a hash collision: without it the branch literally named
/// "feature-x-991d5c24" would keep that slug, which is also the hashed slug of "Feature-X"; and branch
/// "x-migrate" would get the task family "app-pv-x-migrate", which is the migration family of branch "x".
/// With it, an un-hashed slug never looks hashed, and no task family ends like a migration family.
/// </remarks>
public sealed record BranchSlug(string Value)
{
    public const int MaxLength = 40;
    public const string Fallback = "branch";

    /// <summary>The suffix <see cref="PreviewNames"/> appends to a task family that shares the family namespace.</summary>
    public const string MigrateSuffix = "-migrate";

    /// <summary>True when <see cref="Value"/> ends with the branch's hash.</summary>
    public bool Hashed { get; private init; }

    /// <summary>The slug without its hash suffix: the text that fitted names are shortened from.</summary>
    public string Readable => Hashed ? Value[..^(NameHash.Length + 1)] : Value;

    /// <exception cref="ArgumentException">The branch is not valid (see <see cref="NameRules.TryValidateBranch"/>).</exception>
    public static BranchSlug From(string branch)
    {
        if (!NameRules.TryValidateBranch(branch, out var message)) throw new ArgumentException($"branch {message}", nameof(branch));
        var normalised = Normalise(branch);
        var endsLikeAppended = NameHash.LooksHashed(normalised) || normalised.EndsWith(MigrateSuffix, StringComparison.Ordinal);
        if (normalised == branch && normalised.Length <= MaxLength && !endsLikeAppended)
            return new BranchSlug(normalised);
        var readable = NameFitter.Shorten(normalised, MaxLength - NameHash.Length - 1);
        return new BranchSlug($"{readable}-{NameHash.Of(branch)}") { Hashed = true };
    }

    /// <summary>
    /// Lower-cases ASCII letters and turns every run of anything else outside [a-z0-9] into one '-', then trims
    /// '-'. Deliberately ASCII-only (no culture, no Unicode case tables, no transliteration) so the result cannot
    /// depend on the machine or runtime; non-ASCII branches stay distinct through the hash of the original.
    /// </summary>
    private static string Normalise(string branch)
    {
        var text = new StringBuilder(branch.Length);
        foreach (var c in branch)
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) text.Append(c);
            else if (char.IsAsciiLetterUpper(c)) text.Append((char)(c + ('a' - 'A')));
            else if (text.Length > 0 && text[^1] != '-') text.Append('-');
        }
        var result = text.ToString().Trim('-');
        return result.Length == 0 ? Fallback : result;
    }
}
