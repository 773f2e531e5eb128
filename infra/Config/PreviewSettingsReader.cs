using Deployments.Infra.Naming;

namespace Deployments.Infra.Config;

/// <summary>Reads and validates a preview stack's config (set by the deployer from the parent's preview defaults).</summary>
public static class PreviewSettingsReader
{
    /// <summary>Rule priorities 1–49998 belong to previews; 49999 is a blue/green, canary or linear environment's test
    /// rule (<c>ReleaseResources.TestRulePriority</c>) and 50000 (the last) the environment's own catch-all rule. With
    /// 49999 a preview's, an environment switched to such a strategy would fail its update on <c>PriorityInUse</c>.</summary>
    public const int MaxPreviewPriority = 49998;

    /// <summary>
    /// The parent as a StackReference needs it, fully qualified: a short <c>staging</c> is the parent of the preview's own
    /// organization and project (the YAML host's <c>PULUMI_ORGANIZATION</c> and <c>PULUMI_PROJECT</c>).
    /// </summary>
    private static string ParentStack(ConfigReader config, string organization, string project)
    {
        var text = config.RequiredString("parentStack", $"the parent environment's stack: {StackName.Allowed}", ConfigPatterns.StackReference());
        if (StackName.TryParse(text, out var parent)) return parent.Qualified(organization, project);
        if (text.Length > 0 && ConfigPatterns.StackReference().IsMatch(text)) config.Problem("parentStack", $"{ConfigReader.Shown(text)} is not allowed: {StackName.Allowed}");
        return text;
    }

    public static PreviewSettings Read(ConfigReader config, string region, string appName, string organization, string project)
    {
        var branch = config.RequiredString("branch", "the git branch this preview deploys");
        if (branch.Length > 0 && !NameRules.TryValidateBranch(branch, out var branchMessage))
            config.Problem("branch", branchMessage);
        var headRepository = config.OptionalString(PreviewOwnerKeys.HeadRepository);
        if (headRepository is not null && !NameRules.TryValidateRepository(headRepository, out var repositoryMessage))
        {
            config.Problem(PreviewOwnerKeys.HeadRepository, repositoryMessage);
            headRepository = null;
        }
        var app = AppSettingsReader.Read(config, appName, AppDefaults.Preview, imageRequired: true);
        var strategy = config.Choice("databaseStrategy", DatabaseStrategies.None, DatabaseStrategies.All);
        if (strategy == DatabaseStrategies.Sidecar && app.MinHealthyPercent > 0)
            config.Problem("deploymentMinHealthyPercent", "must be 0 with the sidecar database strategy (two tasks would hold two different databases)");
        return new PreviewSettings
        {
            Region = region,
            App = app,
            ParentStack = ParentStack(config, organization, project),
            Branch = branch,
            HeadRepository = headRepository,
            OwnerPullRequest = config.Has(PreviewOwnerKeys.OwnerPullRequest) ? config.Int(PreviewOwnerKeys.OwnerPullRequest, 0, 1, int.MaxValue) : null,
            RulePriority = ReadPriority(config),
            DatabaseStrategy = strategy,
            Host = config.OptionalString("host", ConfigPatterns.DnsName(), ConfigPatterns.DnsNameAllowed),
            DesiredCount = config.Int("desiredCount", 1, 0, 2),
            LoadBalancerShard = config.Int(Stacks.Shards.PreviewShardKeys.ShardConfigKey, 0, 0, Stacks.Shards.PreviewShardLayout.MaxShards - 1),
            TaskEgress = PostureSettingsReader.ReadEgress(config),
            Schedule = PreviewScheduleReader.Read(config),
        };
    }

    private static int ReadPriority(ConfigReader config)
    {
        if (!config.Has("rulePriority"))
            config.Problem("rulePriority", $"is required: a listener rule priority from 1 to {MaxPreviewPriority}, unique on the parent's listener (the deployer chooses it)");
        return config.Int("rulePriority", 0, 1, MaxPreviewPriority);
    }
}
