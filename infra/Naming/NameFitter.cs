namespace Deployments.Infra.Naming;

/// <summary>
/// Fits <c>prefix-slug-suffix</c> into a limit. When it does not fit, the slug's readable part is shortened and
/// the hash of the original branch is appended, so names of distinct branches stay distinct after fitting.
/// Every derived name goes through here.
/// </summary>
public static class NameFitter
{
    public static string Fit(string prefix, BranchSlug slug, string suffix, int max, string branch)
    {
        var whole = NameText.Join(prefix, slug.Value, suffix);
        if (whole.Length <= max) return whole;
        var fixedLength = NameText.Join(prefix, NameHash.Of(branch), suffix).Length + 1;
        var readable = NameText.Shorten(slug.Readable, max - fixedLength);
        var fitted = NameText.Join(prefix, readable, NameHash.Of(branch), suffix);
        return fitted.Length <= max
            ? fitted
            : throw new ArgumentException($"'{prefix}' and '{suffix}' leave no room for a name of at most {max} characters", nameof(prefix));
    }
}
