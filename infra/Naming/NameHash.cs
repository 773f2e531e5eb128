using System.Security.Cryptography;
using System.Text;

namespace Deployments.Infra.Naming;

/// <summary>
/// The short hash that keeps shortened or normalised names distinct: the first 8 hex digits of SHA-256 of the
/// original branch (UTF-8). 32 bits: two branches collide only if their hashes *and* their kept text agree.
/// </summary>
public static class NameHash
{
    public const int Length = 8;

    public static string Of(string original) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(original)))[..Length];

    /// <summary>True when <paramref name="text"/> ends in <c>-</c> and 8 hex digits, i.e. looks like a hashed name.</summary>
    public static bool LooksHashed(string text)
    {
        if (text.Length < Length + 1 || text[^(Length + 1)] != '-') return false;
        for (var i = text.Length - Length; i < text.Length; i++)
            if (!char.IsAsciiHexDigitLower(text[i])) return false;
        return true;
    }
}
