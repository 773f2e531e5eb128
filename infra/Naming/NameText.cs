namespace Deployments.Infra.Naming;

/// <summary>Small text helpers shared by every name: shortening without dangling hyphens, joining parts.</summary>
public static class NameText
{
    /// <summary>At most <paramref name="max"/> characters, never ending in '-'; may become empty.</summary>
    public static string Shorten(string text, int max) =>
        text.Length <= max ? text : text[..Math.Max(0, max)].TrimEnd('-');

    /// <summary>Joins non-empty parts with '-'.</summary>
    public static string Join(params string[] parts) =>
        string.Join('-', parts.Where(p => p.Length > 0));
}
