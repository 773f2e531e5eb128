using System.Globalization;
using System.Text;
using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

/// <summary>
/// Deterministic (seeded) branch names for the property test: random text of 1-300 characters from ASCII
/// punctuation, both cases, digits, non-ASCII letters and emoji; already-clean slugs; and for each of them the
/// near-duplicates most likely to clash: other case, other punctuation, a '-' + 8 hex tail, a "-migrate" tail,
/// and another branch's slug taken literally as a branch name.
/// </summary>
public static class BranchGenerator
{
    private const string Ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/_.-";
    private const string Clean = "abcdefghijklmnopqrstuvwxyz0123456789";
    // Non-ASCII letters (including ones whose Unicode lower case is ASCII: U+0130, U+212A), emoji, a ZWJ
    // sequence, a dash, a space and other punctuation git allows.
    private static readonly string[] Exotic = ["ü", "é", "ß", "\u0130", "\u212A", "日", "本", "🚀", "👩‍💻", "—", " ", "#", "@", "+"];

    public static IReadOnlyList<string> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(count);
        void Add(string branch)
        {
            if (result.Count < count && NameRules.TryValidateBranch(branch, out _) && seen.Add(branch)) result.Add(branch);
        }

        while (result.Count < count)
        {
            var branch = random.Next(2) == 0 ? CleanSlug(random) : Messy(random, random.Next(2) == 0 ? random.Next(1, 41) : random.Next(41, 301));
            var lower = branch.ToLowerInvariant();
            var slug = BranchSlug.From(branch).Value;
            Add(branch);
            Add(branch.ToUpperInvariant());
            Add(branch.Replace('/', '-'));
            Add(branch.Replace('-', '_'));
            Add(branch.Replace('.', '/'));
            Add($"{lower}-{random.Next().ToString("x8", CultureInfo.InvariantCulture)}");
            Add(lower + "-migrate");
            Add(slug);
            Add(slug + "-migrate");
        }
        return result;
    }

    private static string Messy(Random random, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
            text.Append(random.Next(10) == 0 ? Exotic[random.Next(Exotic.Length)] : Ascii[random.Next(Ascii.Length)].ToString());
        return text.ToString();
    }

    /// <summary>Single-hyphen words of a-z0-9, 1-60 characters: un-hashed slugs when 40 or shorter.</summary>
    private static string CleanSlug(Random random)
    {
        var length = random.Next(1, 61);
        var text = new StringBuilder();
        while (text.Length < length)
        {
            if (text.Length > 0) text.Append('-');
            for (var i = random.Next(1, 9); i > 0; i--) text.Append(Clean[random.Next(Clean.Length)]);
        }
        return text.ToString();
    }
}
