namespace Deployments.Infra.Config;

/// <summary>Reads the optional <c>notify</c> object of an environment: <c>kind</c> and <c>urlEnv</c>, both required.</summary>
public static class NotifySettingsReader
{
    /// <summary>
    /// Prefixes of variables that hold the run's own credentials or that GitHub reserves (secret names cannot start
    /// with GITHUB_, https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions):
    /// the webhook's URL gets a variable of its own, so no credential can be posted to it by a typo.
    /// </summary>
    public static readonly string[] ReservedPrefixes = ["GITHUB_", "ACTIONS_", "AWS_", "PULUMI_", "RUNNER_"];

    public const string UrlEnvAllowed = "the name of the environment variable holding the webhook's URL (a secret), e.g. DEPLOYMENTS_SLACK_URL: [A-Za-z_][A-Za-z0-9_]*, not starting with "
        + "GITHUB_, ACTIONS_, AWS_, PULUMI_ or RUNNER_";

    public static NotifySettings? Read(ConfigReader config)
    {
        var section = config.Object(NotifySettings.Key);
        if (section is null) return null;
        if (!section.Has("kind")) section.Problem("kind", $"is required: one of {string.Join(", ", NotifySettings.Kinds)}");
        var kind = section.Choice("kind", NotifySettings.Slack, NotifySettings.Kinds);
        var name = section.OptionalString("urlEnv");
        if (name is null) section.Problem("urlEnv", $"is required: {UrlEnvAllowed}");
        else if (!ConfigPatterns.EnvName().IsMatch(name) || ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
        {
            // Not quoted: someone may paste the URL itself here, which is the secret.
            section.Problem("urlEnv", $"is not allowed: {UrlEnvAllowed} (the URL itself never goes in config)");
            name = null;
        }
        section.RejectUnknownKeys();
        return name is null ? null : new NotifySettings(kind, name);
    }
}
