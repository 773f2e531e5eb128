namespace Deployments.Infra.Naming;

/// <summary>
/// The one place a branch-derived name is fitted into its limit: <c>prefix + slug + suffix</c> when that fits,
/// otherwise <c>prefix + shortened readable part + '-' + hash of the original branch + suffix</c>.
/// </summary>
/// <remarks>
/// Why this never merges two branches: a fitted name carries <c>-&lt;hash of its branch&gt;</c> right before the
/// suffix. An unfitted name has the slug there, and a slug ends in '-' + 8 hex digits only when it is itself
/// hashed (see <see cref="BranchSlug"/>), again with the hash of its own branch. So two names of one kind can be
/// equal only if the SHA-256 prefixes of two distinct branches are equal and their kept text is equal too.
/// At least one readable character is kept so that the hash is always preceded by '-'.
/// </remarks>
public static class NameFitter
{
    /// <param name="prefix">Everything before the slug, separator included (e.g. <c>shop-pv-</c>).</param>
    /// <param name="slug">The branch's slug.</param>
    /// <param name="suffix">Everything after the slug, separator included (e.g. <c>-migrate</c>), or "".</param>
    /// <param name="max">The name's limit (see <see cref="NameLimits"/>).</param>
    /// <param name="branch">The original branch, whose hash ends a fitted name.</param>
    public static string Fit(string prefix, BranchSlug slug, string suffix, int max, string branch)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(suffix);
        var whole = prefix + slug.Value + suffix;
        if (whole.Length <= max) return whole;
        var room = max - prefix.Length - suffix.Length - NameHash.Length - 1;
        if (room < 1)
            throw new ArgumentException($"'{prefix}' and '{suffix}' leave no room for a branch in a name of at most {max} characters", nameof(prefix));
        return $"{prefix}{Shorten(slug.Readable, room)}-{NameHash.Of(branch)}{suffix}";
    }

    /// <summary>
    /// At most <paramref name="max"/> characters and never ending in '-' (so joining with '-' cannot make "--").
    /// Text that starts with a letter or digit keeps at least one character when <paramref name="max"/> is 1 or more.
    /// </summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : text[..Math.Max(0, max)].TrimEnd('-');
    }
}
