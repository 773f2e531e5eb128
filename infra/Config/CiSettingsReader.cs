namespace Deployments.Infra.Config;

/// <summary>
/// Reads the optional <c>ci</c> object of an environment. Values are never echoed in messages: the key and what
/// is allowed are enough, and a message must not become the place a mistyped secret is printed.
/// </summary>
public static class CiSettingsReader
{
    public const string Key = "ci";

    public static CiSettings? Read(ConfigReader config)
    {
        var section = config.Object(Key);
        if (section is null) return null;
        var settings = new CiSettings
        {
            Repository = Required(section, "repository", CiPatterns.Repository(), CiPatterns.RepositoryAllowed),
            OidcProviderArn = Optional(section, "oidcProviderArn", CiPatterns.OidcProviderArn(), CiPatterns.OidcProviderArnAllowed),
            StateBucket = Optional(section, "stateBucket", CiPatterns.BucketName(), CiPatterns.BucketNameAllowed),
            Previews = section.Bool("previews", true),
            DefaultBranch = Optional(section, "defaultBranch", CiPatterns.Branch(), CiPatterns.BranchAllowed) ?? "main",
        };
        section.RejectUnknownKeys();
        return settings;
    }

    private static string Required(ConfigReader section, string key, System.Text.RegularExpressions.Regex pattern, string allowed)
    {
        if (!section.Has(key))
        {
            section.Problem(key, $"is required: {allowed}");
            return "";
        }
        return Optional(section, key, pattern, allowed) ?? "";
    }

    private static string? Optional(ConfigReader section, string key, System.Text.RegularExpressions.Regex pattern, string allowed)
    {
        // Read without a pattern, then check here: ConfigReader's own message quotes the value.
        var value = section.OptionalString(key);
        if (value is null || pattern.IsMatch(value)) return value;
        section.Problem(key, $"is not allowed: {allowed}");
        return null;
    }
}
