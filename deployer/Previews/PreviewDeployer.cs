using Deployments.Deployer.Commands;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Previews.Shards;
using Deployments.Deployer.Pulumi;
using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Previews;

/// <summary>
/// Deploys one branch's preview. Invocations, each needed: parent outputs (the preview defaults), <c>stack ls</c>
/// (whether it exists, how many previews there are), for a new preview its placement (<see cref="PlaceAsync"/>: none,
/// or a few <c>stack ls --tag</c>) and <c>stack init</c>, <c>config --json</c> (finds what changed), for an existing
/// stack its newest history entry (the owner), its tags (<c>stack tag ls</c>) and <c>stack output</c> (what it runs:
/// image, rule priority, task count), <c>stack tag set</c> per tag missing or changed (<see cref="PreviewTags"/>: all of
/// them for a new preview), <c>config set-all</c>/<c>rm-all</c> only when something changed, <c>up</c>, and
/// <c>stack output</c> for the URL.
/// </summary>
public sealed class PreviewDeployer(PulumiWorkspace pulumi, TextWriter log, Verification.ReleaseSteps? steps = null)
{
    /// <summary>Deploys made again when the stack was removed under them, before giving up.</summary>
    public const int MaxRedeploys = 3;

    private readonly StackCompilation _compilation = new(pulumi.Project, pulumi.Stats);

    private readonly PreviewCatalog _catalog = new(pulumi);

    public async Task<PreviewDeployResult> DeployAsync(PreviewRequest request, string parentStack, CancellationToken ct)
    {
        var parent = await ReadParentAsync(parentStack, ct);
        PreviewInputs.RequirePreviewDomain(parent);
        var names = PreviewNames.For(parent.AppName, request.Source);
        PreviewInputs.RequireSafeHost(parent, names);
        var stack = names.StackName;
        log.WriteLine($"preview '{stack}' of {request.Source} on '{parentStack}', image {request.ImageTag}");
        // A concurrent destroy (waited for while it held the lock) may remove the stack between our calls: the request
        // is then deployed again from scratch, never dropped; a stack that keeps vanishing is a failure, said so.
        for (var redeploy = 0; ; redeploy++)
        {
            try { return await DeployOnceAsync(request, parent, stack, ct); }
            catch (StackNotFoundException e) when (e.Stack == stack)
            {
                if (redeploy == MaxRedeploys)
                    throw new DeploymentFailedException($"preview '{stack}' was removed by another run {redeploy + 1} times while this deploy ran (a concurrent destroy or prune?); gave up: run the deploy again once nothing else removes it", e);
                log.WriteLine($"preview '{stack}' was removed while this deploy ran (a concurrent destroy); deploying it again from scratch (retry {redeploy + 1} of {MaxRedeploys})");
            }
        }
    }

    private async Task<PreviewDeployResult> DeployOnceAsync(PreviewRequest request, ParentInfo parent, string stack, CancellationToken ct)
    {
        // Placement comes before anything is created, the stack included: `stack ls` says whether the stack exists (it
        // replaces `stack init` then) and how many previews there are; a new preview is placed on a shard with room, or
        // refused (exit 8) with nothing created.
        var previews = await _catalog.StacksAsync(ct);
        var exists = previews.Any(p => StackNames.Short(p.Name) == stack);
        var others = previews.Where(p => StackNames.Short(p.Name) != stack).ToList();
        var shard = exists ? (int?)null : await PlaceAsync(stack, parent, others, ct);
        var created = !exists && await pulumi.EnsureStackAsync(stack, ct);
        // The local Pulumi.<stack>.yaml: what `config set-all` is diffed against, nothing more.
        IReadOnlyDictionary<string, string?> current = await pulumi.GetConfigAsync(stack, ct);
        // Before any change: another pull request's preview is refused; the owner is recorded (or kept) in the config.
        // Whose it is comes from the backend (the config its last update ran with), not the local Pulumi.<stack>.yaml,
        // which a fresh runner does not have.
        var record = created ? new Dictionary<string, string?>() : await PreviewOwnership.ReadRecordAsync(pulumi, stack, ct);
        request = request with { PullRequest = PreviewOwnership.ForDeploy(stack, record, pulumi.Project, request, log) };
        // A preview stays on its shard: the one its last update recorded (none: the environment's own load balancer).
        if (!created && record.Count > 0)
        {
            shard = ShardRecord.Read(record, pulumi.Project);
            if (shard >= parent.Shards.Count)
            {
                log.WriteLine($"preview '{stack}' was on load balancer shard {shard}, which '{parent.Stack}' no longer has (its previewCapacity went down): placing it again");
                shard = await PlaceAsync(stack, parent, others, ct);
            }
        }
        shard ??= await PlaceAsync(stack, parent, others, ct);
        // Tagged before `up` creates anything, so that a deploy in flight already counts on its shard; after the owner
        // check, so that another pull request's stack is never touched.
        await TagAsync(stack, parent, shard.Value, request.PullRequest, created, ct);
        // What the stack runs (image, rule priority, task count) comes from the backend too: on a fresh runner the
        // local file is empty, and an instance preview would roll before migrating.
        var running = created ? RunningPreview.None : RunningPreview.From(await pulumi.OutputsAsync(stack, ct));
        var priority = running.RulePriority is int held && held <= RulePriorities.Max ? held : RulePriorities.FirstChoice(stack);
        if (running.RulePriority is int reserved && reserved > RulePriorities.Max)
            log.WriteLine($"preview '{stack}' held listener rule priority {reserved}, which is now the environment's (its test rule): it moves to {priority}");

        var currentTag = running.ImageTag;
        var migrate = steps is not null && parent.Defaults.DatabaseStrategy == DatabaseStrategies.Instance
            && (running.NotServing || currentTag != request.ImageTag);
        var migration = steps is null ? "skipped (--skip-migration)"
            : parent.Defaults.DatabaseStrategy != DatabaseStrategies.Instance ? NoPersistentDatabase(parent.Defaults)
            : !migrate ? "skipped: the image did not change" : "succeeded";
        if (steps is not null && parent.Defaults.DatabaseStrategy != DatabaseStrategies.Instance) log.WriteLine($"migration {migration}");
        // No task of a new image serves before its migration succeeded: a service that never served is created (or
        // kept) at 0 tasks with the new image until migrated; a serving one stays on its image while the migration
        // task definition alone moves. Then the migration, then the update that starts or rolls the service.
        if (migrate && running.NotServing)
        {
            log.WriteLine($"the service is held at 0 tasks until the migration of {request.ImageTag} succeeds");
            (priority, current, _, _) = await UpAsync(stack, parent, request, shard.Value, priority, current, request.ImageTag, $"register {request.ImageTag} for the migration (service at 0 tasks)", ct, holdService: true);
            await steps!.MigrateAsync(stack, ct);
        }
        else if (migrate)
        {
            log.WriteLine($"registering {request.ImageTag} for the migration; the service stays on {currentTag}");
            (priority, current, _, _) = await UpAsync(stack, parent, request, shard.Value, priority, current, currentTag!, $"register {request.ImageTag} for the migration", ct);
            await steps!.MigrateAsync(stack, ct);
        }
        (priority, current, var summary, var settings) = await UpAsync(stack, parent, request, shard.Value, priority, current, request.ImageTag, $"preview of {request.Branch} at {request.ImageTag}", ct);
        if (steps is not null && await steps.VerifyPreviewAsync(stack, parent.Defaults.SmokeTest, ct) is { Succeeded: false } verified)
            throw new Verification.VerificationFailedException(stack, verified);
        var outputs = await pulumi.OutputsAsync(stack, ct);
        var url = outputs.TryGetValue(OutputNames.Url, out var u) ? u.GetString() ?? "" : "";
        return new PreviewDeployResult(stack, request.Branch, url, request.ImageTag, priority, summary.ResourceChanges, summary.Duration, created)
        {
            Migration = migration,
            Verification = steps is null ? "skipped (--skip-migration)" : !steps.Verifies ? "skipped (--no-verify)"
                : parent.Defaults.SmokeTest is null ? "rollout completed, health check passed" : "rollout completed, health check and smoke tests passed",
            MonthlyCost = EstimateCost(settings),
            Schedule = settings.Schedule?.Describe(),
        };
    }

    private static string NoPersistentDatabase(PreviewDefaults defaults) =>
        defaults.DatabaseStrategy == DatabaseStrategies.Sidecar && defaults.MigrationCommand.Count > 0
            ? "runs inside each task before the app starts (sidecar database: its 'migrate' container)"
            : $"skipped: the database strategy '{defaults.DatabaseStrategy}' has no persistent database";

    // The same estimate `plan` prints, for the pull request comment; an unreadable price table or a region without one only loses the line.
    private static decimal? EstimateCost(PreviewSettings settings)
    {
        try { return new Cost.RegionalCostEstimator(Cost.PriceCatalog.BuiltIn(), new Cost.CostAssumptions()).Preview(settings).MonthlyTotal; }
        catch (DeployerException) { return null; }
    }

    /// <summary>Sets the whole config (the service on <paramref name="serviceTag"/>, at 0 tasks when <paramref name="holdService"/>) and updates, moving to the next rule priority on PriorityInUse.</summary>
    private async Task<(int Priority, IReadOnlyDictionary<string, string?> Config, Pulumi.Events.UpdateSummary Summary, PreviewSettings Settings)> UpAsync(string stack, ParentInfo parent,
        PreviewRequest request, int shard, int priority, IReadOnlyDictionary<string, string?> current, string serviceTag, string message, CancellationToken ct,
        bool holdService = false)
    {
        for (var attempt = 0; ; attempt++)
        {
            var config = PreviewConfigBuilder.Build(parent, request, priority, shard).ToDictionary(c => Key(c.Key), c => c.Value, StringComparer.Ordinal);
            config[Key("imageTag")] = serviceTag;
            if (holdService) config[Key("desiredCount")] = "0";
            var settings = Validate(config, stack);
            if (await pulumi.SetConfigAsync(stack, config, current, ct)) current = config.ToDictionary(c => c.Key, c => (string?)c.Value, StringComparer.Ordinal);
            try
            {
                return (priority, current, await pulumi.UpAsync(stack, message, ct), settings);
            }
            catch (DeploymentFailedException e) when (e.Message.Contains("PriorityInUse", StringComparison.Ordinal) && attempt + 1 < RulePriorities.MaxProbes)
            {
                var next = RulePriorities.Candidate(stack, attempt + 1);
                log.WriteLine($"listener rule priority {priority} is taken on the parent's listener; trying {next}");
                priority = next;
            }
        }
    }

    /// <summary>
    /// The shard a new preview goes to (<see cref="ShardPlacement"/>). With fewer previews in the backend than its first
    /// choice holds (and than the capacity), that shard has room whatever the others are: nothing is asked, so small
    /// teams pay nothing for placement. Otherwise the previews are counted (<see cref="PreviewCatalog.CensusAsync"/>):
    /// two <c>stack ls --tag</c> and one per shard tried, the first choice first, plus one history read per preview
    /// deployed before tags: O(shards) invocations, not one per preview.
    /// </summary>
    private async Task<int> PlaceAsync(string stack, ParentInfo parent, IReadOnlyList<StackSummary> others, CancellationToken ct)
    {
        var map = parent.Shards;
        var first = ShardPlacement.FirstChoice(stack, map.Count);
        if (others.Count < Math.Min(map.Capacity, map.Rooms[first])) return first;
        var census = await _catalog.CensusAsync(others, stack, parent.Stack, map.Count, ct);
        var choice = await ShardPlacement.PlaceAsync(stack, parent.Stack, map, census.Total, shard => census.OnShardAsync(shard, ct));
        log.WriteLine($"preview '{stack}' goes on load balancer shard {choice.Shard} of '{parent.Stack}' ({choice.Taken} of its {map.Rooms[choice.Shard]} places taken; {census.Total} of {map.Capacity} previews in all)");
        return choice.Shard;
    }

    /// <summary>
    /// Sets the preview's tags (<see cref="PreviewTags"/>) that are missing or changed: all of them on a stack this deploy
    /// created, else only what <c>stack tag ls</c> shows differs (a redeploy usually sets none).
    /// </summary>
    private async Task TagAsync(string stack, ParentInfo parent, int shard, int? owner, bool created, CancellationToken ct)
    {
        var wanted = PreviewTags.For(parent.Stack, shard, owner);
        var missing = created ? wanted : PreviewTags.Missing(wanted, await pulumi.TagsAsync(stack, ct));
        foreach (var (name, value) in missing) await pulumi.SetTagAsync(stack, name, value, ct);
    }

    public async Task<ParentInfo> ReadParentAsync(string parentStack, CancellationToken ct)
    {
        try { return ParentFromOutputs.Read(parentStack, await pulumi.OutputsAsync(parentStack, ct)); }
        catch (StackNotFoundException) { throw new UserInputException($"--parent: stack '{parentStack}' does not exist in this backend; deploy the environment first (pulumi up -s {parentStack})"); }
    }

    // The compiler's own validation, before any cloud call: a bad value in the parent's defaults fails here, clearly.
    // The settings it reads also price the preview, so the config is compiled once per update.
    private PreviewSettings Validate(IReadOnlyDictionary<string, string> config, string stack)
    {
        try { return _compilation.Preview(_compilation.Source(config), stack).Settings; }
        catch (UserInputException e) { throw new UserInputException($"the preview's config is invalid (check the parent's previewDefaults): {e.Message}"); }
    }

    private string Key(string key) => pulumi.Project.Key(key);
}
