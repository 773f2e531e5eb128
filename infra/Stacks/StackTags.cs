namespace Deployments.Infra.Stacks;

/// <summary>
/// Tags every AWS resource gets through the provider's <c>defaultTags</c>. The <c>deployments:*</c> keys let an
/// operator (and the sweeper) find everything a stack created, even when its state is gone.
/// </summary>
public static class StackTags
{
    /// <summary>The tag only preview resources carry (its value is the branch slug); IAM conditions on it tell them apart.</summary>
    public const string PreviewKey = "deployments:preview";

    public static IReadOnlyDictionary<string, string> For(string app, string stack, string? previewSlug = null)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["deployments:app"] = app,
            ["deployments:managed-by"] = "deployments",
            ["deployments:stack"] = stack,
        };
        if (previewSlug is not null) tags[PreviewKey] = previewSlug;
        return tags;
    }
}
