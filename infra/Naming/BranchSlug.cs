using System.Text;

namespace Deployments.Infra.Naming;

/// <summary>
/// A branch as a name part: lower-case ASCII letters, digits and single hyphens, 1-40 characters.
/// A hash of the branch is appended whenever the slug is not the branch itself (normalised or shortened) and
/// whenever an unchanged branch already ends like a hash (<c>-</c> + 8 hex digits). So an un-hashed slug never
/// looks like a hashed one, and two branches can share a slug only through a hash collision.
/// </summary>
public sealed record BranchSlug(string Value)
{
    public const int MaxLength = 40;
    public const string Fallback = "branch";

    /// <summary>The slug without its hash suffix (the readable part names are shortened from).</summary>
    public string Readable => Hashed ? Value[..^(NameHash.Length + 1)] : Value;

    public bool Hashed { get; private init; }

    public static BranchSlug From(string branch)
    {
        if (!NameRules.TryValidateBranch(branch, out var message)) throw new ArgumentException($"branch {message}", nameof(branch));
        var normalised = Normalise(branch);
        if (normalised == branch && normalised.Length <= MaxLength && !NameHash.LooksHashed(normalised))
            return new BranchSlug(normalised);
        var readable = NameText.Shorten(normalised, MaxLength - NameHash.Length - 1);
        return new BranchSlug(NameText.Join(readable, NameHash.Of(branch))) { Hashed = true };
    }

    /// <summary>
    /// Lower-cases ASCII, turns every run of other characters into one '-', trims '-'. Non-ASCII letters become
    /// '-' too (no transliteration: the compiler runs with invariant globalization for start-up time, and the
    /// hash keeps such branches distinct anyway).
    /// </summary>
    private static string Normalise(string branch)
    {
        var text = new StringBuilder(branch.Length);
        foreach (var c in branch)
        {
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower)) text.Append(lower);
            else if (text.Length > 0 && text[^1] != '-') text.Append('-');
        }
        var result = text.ToString().Trim('-');
        return result.Length == 0 ? Fallback : result;
    }
}
