namespace Deployments.Infra.Config;

/// <summary>
/// Reads the posture keys (<see cref="PostureKeys"/>). A stack is production when <c>production</c> is true, which
/// it is by default for the stack named <c>production</c>: its ECR tags are immutable, <c>latest</c> is refused as
/// an image tag, and its ALB writes access logs unless <c>accessLogs</c> is false.
/// </summary>
public static class PostureSettingsReader
{
    public static bool ReadProduction(ConfigReader config, string stack, AppSettings app)
    {
        var production = config.Bool(PostureKeys.Production, stack == PostureKeys.ProductionStackName);
        if (!production) return false;
        // migrationImageTag defaults to imageTag: it is reported only when set on its own.
        foreach (var (key, tag) in new[] { ("imageTag", app.ImageTag), ("migrationImageTag", app.MigrationImageTag) })
        {
            if (tag == PostureKeys.LatestTag && (key == "imageTag" || config.Has(key)))
                config.Problem(key, $"'{PostureKeys.LatestTag}' is not allowed in a production stack: its ECR repository has immutable tags, "
                    + "so deploy a tag that names one image, such as 1.4.2-3f9a2c1 (or set production: false)");
        }
        return true;
    }

    public static AccessLogSettings? ReadAccessLogs(ConfigReader config, bool production)
    {
        var enabled = config.Bool(PostureKeys.AccessLogs, production);
        var bucket = config.OptionalString(PostureKeys.AccessLogsBucket, ConfigPatterns.BucketName(), ConfigPatterns.BucketNameAllowed);
        var days = config.Int(PostureKeys.AccessLogsExpirationDays, AccessLogSettings.DefaultExpirationDays, 1, 3650);
        if (!enabled)
        {
            foreach (var key in new[] { PostureKeys.AccessLogsBucket, PostureKeys.AccessLogsExpirationDays }.Where(config.Has))
                config.Problem(key, $"applies only when {PostureKeys.AccessLogs} is true");
            return null;
        }
        if (config.Has(PostureKeys.AccessLogsBucket) && config.Has(PostureKeys.AccessLogsExpirationDays))
            config.Problem(PostureKeys.AccessLogsExpirationDays, $"applies only to the bucket the stack creates; with {PostureKeys.AccessLogsBucket} the bucket's own lifecycle rules apply");
        return new AccessLogSettings(bucket, days);
    }

    /// <summary>Task egress; keys that are absent take <paramref name="inherited"/> (previews inherit the environment's).</summary>
    public static EgressSettings ReadEgress(ConfigReader config, EgressSettings? inherited = null)
    {
        inherited ??= EgressSettings.Restricted;
        var open = config.Bool(PostureKeys.TaskEgressOpen, inherited.Open);
        var hasRules = config.Has(PostureKeys.TaskEgressRules);
        var rules = new List<EgressRule>();
        var texts = config.StringList(PostureKeys.TaskEgressRules, EgressRule.Allowed);
        foreach (var text in texts)
        {
            if (EgressRule.TryParse(text, out var rule)) rules.Add(rule!);
            else config.Problem(PostureKeys.TaskEgressRules, $"'{text}' is not allowed: {EgressRule.Allowed}");
        }
        IReadOnlyList<EgressRule> extra = hasRules ? rules.Distinct().ToList() : inherited.ExtraRules;
        if (open && (hasRules ? texts.Count : extra.Count) > 0)
            config.Problem(PostureKeys.TaskEgressRules, $"must be empty when {PostureKeys.TaskEgressOpen} is true (all outbound traffic is allowed then)");
        return new EgressSettings(open, open ? [] : extra);
    }
}
