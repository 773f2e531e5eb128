using System.Security.Cryptography;
using System.Text;

namespace Deployments.Infra.Naming;

/// <summary>
/// The short hash that keeps normalised or shortened names distinct: the first 8 lower-case hex digits of SHA-256
/// of the original branch (UTF-8). Hashing the original, never the shortened text, is what lets two branches that
/// normalise or shorten to the same text keep different names.
/// </summary>
public static class NameHash
{
    /// <summary>
    /// 8 hex digits (32 bits): short enough to leave readable text in a 32-character target group name, and two
    /// branches share a name only if their kept text is equal too, which makes a clash practically impossible.
    /// </summary>
    public const int Length = 8;

    /// <summary>The hash of <paramref name="original"/>; <see cref="NameRules.TryValidateBranch"/> refuses unpaired
    /// surrogates, which UTF-8 would encode lossily (as U+FFFD) and so give two branches one hash.</summary>
    public static string Of(string original) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(original)))[..Length];

    /// <summary>True when <paramref name="text"/> ends in '-' and 8 lower-case hex digits, i.e. looks hashed.</summary>
    public static bool LooksHashed(string text)
    {
        if (text.Length < Length + 1 || text[^(Length + 1)] != '-') return false;
        for (var i = text.Length - Length; i < text.Length; i++)
            if (!char.IsAsciiHexDigitLower(text[i])) return false;
        return true;
    }
}
