using System.Globalization;
using System.Text.Json;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Json;
using Deployments.Deployer.Pulumi.Digest;
using Deployments.Deployer.Pulumi.Events;
using Deployments.Deployer.Pulumi.Models;

namespace Deployments.Deployer.Pulumi;

/// <summary>
/// Stack operations on top of the CLI: each one a fixed, small number of invocations (counted in the run's
/// <see cref="PulumiStats"/>), failures classified, lock contention waited out per <see cref="LockPolicy"/>.
/// </summary>
public sealed class PulumiWorkspace(IPulumiCli cli, Deployments.Infra.Config.PulumiProject project, TextWriter log, IClock clock, LockPolicy lockPolicy, PulumiStats? stats = null, bool liveProgress = false)
{
    /// <summary>Namespaces of the config keys the deployer owns (the project's and the region); others (set by hand) are left alone.</summary>
    private readonly string[] _ownedPrefixes = [project.Key(""), "aws:region"];

    /// <summary>The project whose stacks these are: the namespace of the deployer's config keys (<c>shop:imageTag</c>).</summary>
    public Deployments.Infra.Config.PulumiProject Project => project;

    /// <summary>This run's counts, which the deployer's own compiles join (<see cref="Previews.StackCompilation"/>).</summary>
    public PulumiStats? Stats => stats;

    /// <summary>
    /// The YAML host does not tell the compiler which config values are secret (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go), so the deployer does,
    /// in the variable Pulumi's other language hosts use (a JSON array of fully qualified keys); the compiler refuses a
    /// secret value it would write in plain text. The keys come from the stack's last <c>config --json</c> read here.
    /// </summary>
    public const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _secretKeys = new(StringComparer.Ordinal);

    /// <summary>The one <c>pulumi version</c> check of the run, shared by <see cref="WithLog"/>'s copies and by
    /// operations running at once (<c>preview list</c>, <c>preview prune</c>): the first caller starts it, the others await it.</summary>
    private System.Runtime.CompilerServices.StrongBox<Task?> _cliCheck = new();

    /// <summary>
    /// The same workspace (CLI, stats, lock policy, version check) writing its progress to <paramref name="writer"/>
    /// instead, without the live view: an operation running beside others keeps its lines to itself, to be printed as
    /// one block (<c>preview prune --parallel</c>).
    /// </summary>
    public PulumiWorkspace WithLog(TextWriter writer) => new(cli, project, writer, clock, lockPolicy, stats) { _cliCheck = _cliCheck };

    public async Task<IReadOnlyList<StackSummary>> ListStacksAsync(CancellationToken ct) =>
        PulumiJson.Parse(await RunAsync(PulumiArgs.StackList(), null, ct), DeployerJsonContext.Default.ListStackSummaryModel).Select(PulumiJson.ToDomain).ToList();

    /// <summary>The stacks tagged <paramref name="name"/> (with <paramref name="value"/>, when given): one invocation.</summary>
    public async Task<IReadOnlyList<StackSummary>> ListStacksTaggedAsync(string name, string? value, CancellationToken ct) =>
        PulumiJson.Parse(await RunAsync(PulumiArgs.StackList(name, value), null, ct), DeployerJsonContext.Default.ListStackSummaryModel).Select(PulumiJson.ToDomain).ToList();

    public async Task<IReadOnlyDictionary<string, string>> TagsAsync(string stack, CancellationToken ct) =>
        PulumiJson.Parse(await RunAsync(PulumiArgs.StackTagList(stack), stack, ct), DeployerJsonContext.Default.SortedDictionaryStringString);

    public Task SetTagAsync(string stack, string name, string value, CancellationToken ct) => RunAsync(PulumiArgs.StackTagSet(stack, name, value), stack, ct);

    /// <summary>Creates the stack; one that already exists is fine (another runner may have just created it).</summary>
    public async Task<bool> EnsureStackAsync(string stack, CancellationToken ct)
    {
        try
        {
            await WithLockWaitAsync(stack, () => RunAsync(PulumiArgs.StackInit(stack), stack, ct), ct);
            return true;
        }
        catch (StackAlreadyExistsException) { return false; }
    }

    public async Task<IReadOnlyDictionary<string, string?>> GetConfigAsync(string stack, CancellationToken ct)
    {
        var config = PulumiJson.Parse(await RunAsync(PulumiArgs.ConfigList(stack), stack, ct), DeployerJsonContext.Default.DictionaryStringConfigValueModel);
        _secretKeys[stack] = config.Where(c => c.Value.Secret).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        return config.ToDictionary(c => c.Key, c => c.Value.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Makes the stack's config equal to <paramref name="desired"/> (qualified keys) for the keys the deployer owns:
    /// sets what differs, removes what is no longer wanted, and does nothing (no invocation) when all is equal.
    /// <c>known</c> is the stack's config as the caller just read it (saves an invocation); null reads it here.
    /// </summary>
    public async Task<bool> SetConfigAsync(string stack, IReadOnlyDictionary<string, string> desired, IReadOnlyDictionary<string, string?>? known, CancellationToken ct)
    {
        var current = known ?? await GetConfigAsync(stack, ct);
        var changed = desired.Where(d => !current.TryGetValue(d.Key, out var v) || v != d.Value).ToDictionary(StringComparer.Ordinal);
        var stale = current.Keys.Where(k => _ownedPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)) && !desired.ContainsKey(k)).ToList();
        if (stale.Count > 0) await RunAsync(PulumiArgs.ConfigRemoveAll(stack, stale), stack, ct);
        if (changed.Count > 0) await RunAsync(PulumiArgs.ConfigSetAll(stack, changed), stack, ct);
        return changed.Count > 0 || stale.Count > 0;
    }

    /// <summary>Sets just these keys (leaving every other one alone), and only when one differs.</summary>
    public async Task<bool> SetConfigValuesAsync(string stack, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var current = await GetConfigAsync(stack, ct);
        var changed = values.Where(d => !current.TryGetValue(d.Key, out var v) || v != d.Value).ToDictionary(StringComparer.Ordinal);
        if (changed.Count > 0) await RunAsync(PulumiArgs.ConfigSetAll(stack, changed), stack, ct);
        return changed.Count > 0;
    }

    public async Task<IReadOnlyDictionary<string, JsonElement>> OutputsAsync(string stack, CancellationToken ct) =>
        PulumiJson.Parse(await RunAsync(PulumiArgs.StackOutput(stack), stack, ct), DeployerJsonContext.Default.DictionaryStringJsonElement);

    /// <summary>The newest <paramref name="pageSize"/> entries as the backend gives them (on DIY backends every version is 0).</summary>
    public async Task<IReadOnlyList<UpdateRecord>> HistoryAsync(string stack, int pageSize, CancellationToken ct) =>
        PulumiJson.Parse(await RunAsync(PulumiArgs.StackHistory(stack, pageSize), stack, ct), DeployerJsonContext.Default.ListUpdateInfoModel).Select(PulumiJson.ToDomain).ToList();

    /// <summary>
    /// The newest <paramref name="pageSize"/> entries with an update number on every backend (<see cref="UpdateNumbers"/>):
    /// Cloud's versions, or on a DIY backend the position from the oldest entry, which needs the whole history
    /// (<c>--page-size 0</c> lists every entry there) unless the first page already holds it.
    /// </summary>
    public async Task<IReadOnlyList<UpdateRecord>> NumberedHistoryAsync(string stack, int pageSize, CancellationToken ct)
    {
        var page = await HistoryAsync(stack, pageSize, ct);
        if (!UpdateNumbers.Missing(page)) return page;
        var whole = page.Count < pageSize ? page : await HistoryAsync(stack, 0, ct);
        return UpdateNumbers.FromOldest(whole).Take(pageSize).ToList();
    }

    public Task<UpdateSummary> UpAsync(string stack, string message, CancellationToken ct) =>
        WithLockWaitAsync(stack, () => RunWithEventsAsync(stack, path => PulumiArgs.Up(stack, path, message), "update", ct), ct);

    public Task<UpdateSummary> DestroyAsync(string stack, CancellationToken ct) =>
        WithLockWaitAsync(stack, () => RunWithEventsAsync(stack, path => PulumiArgs.Destroy(stack, path), "destroy", ct), ct);

    public Task RemoveStackAsync(string stack, CancellationToken ct) =>
        WithLockWaitAsync(stack, () => RunAsync(PulumiArgs.StackRemove(stack), stack, ct), ct);

    /// <summary>
    /// Set by a user, it makes <c>preview --json</c> stream engine events instead of printing the digest
    /// (https://github.com/pulumi/pulumi/blob/master/pkg/backend/display/display.go), so the deployer's calls clear it.
    /// </summary>
    public const string StreamingPreviewVariable = "PULUMI_ENABLE_STREAMING_JSON_PREVIEW";

    /// <summary>
    /// What <c>pulumi up</c> would do to <paramref name="stack"/> with the checked-out program and its config, changing
    /// nothing. Read the stack's config first (<see cref="GetConfigAsync"/>) so the compiler knows which keys are secret.
    /// </summary>
    public Task<PreviewDigest> PreviewAsync(string stack, CancellationToken ct, string? configFile = null) =>
        DigestAsync(stack, PulumiArgs.Preview(stack, configFile), "preview", ct);

    /// <summary>Sets these keys in <paramref name="configFile"/>, a copy of the stack's file, leaving the stack's own alone.</summary>
    public async Task SetConfigValuesInFileAsync(string stack, string configFile, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        if (values.Count > 0) await RunAsync(PulumiArgs.ConfigSetAll(stack, values, configFile), stack, ct);
    }

    /// <summary>What <c>pulumi refresh</c> would change in <paramref name="stack"/>'s state (drift), changing nothing.</summary>
    public Task<PreviewDigest> RefreshPreviewAsync(string stack, CancellationToken ct) => DigestAsync(stack, PulumiArgs.RefreshPreview(stack), "refresh --preview-only", ct);

    private async Task<PreviewDigest> DigestAsync(string stack, IReadOnlyList<string> args, string what, CancellationToken ct)
    {
        var environment = SecretKeysEnvironment(stack);
        environment[StreamingPreviewVariable] = null;
        var result = await RunRawAsync(args, ct, environment);
        if (ct.IsCancellationRequested) throw new CancelledException($"interrupted during 'pulumi {what}' of '{stack}'");
        if (result.ExitCode == 0) return PreviewDigestReader.Read(result.StdOut, what);
        var error = PulumiErrorClassifier.Classify(result, stack);
        // A program or provider error still ends in a digest whose error diagnostics say what failed.
        if (error.GetType() == typeof(PulumiException) && PreviewDigestReader.TryRead(result.StdOut) is { } digest && digest.Errors.Any())
            throw new PreviewFailedException($"the {what} of '{stack}' failed:\n  " + string.Join("\n  ", digest.Errors.Select(e => e.Message.Trim())), digest);
        throw error;
    }

    private async Task<UpdateSummary> RunWithEventsAsync(string stack, Func<string, IReadOnlyList<string>> args, string what, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"deployments-events-{Guid.NewGuid():N}.json");
        var printer = new ProgressPrinter(log, () => clock.Now, liveProgress);
        var follower = new EventLogFollower(path, printer.Handle);
        var started = clock.Now;
        try
        {
            var run = RunRawAsync(args(path), ct, SecretKeysEnvironment(stack));
            await follower.FollowAsync(run, ct);
            var result = await run;
            var summary = printer.Summary;
            var outcome = new UpdateSummary(summary?.Result ?? (result.ExitCode == 0 ? "succeeded" : "failed"),
                summary?.ResourceChanges ?? new Dictionary<string, int>(), clock.Now - started, printer.Errors);
            if (ct.IsCancellationRequested)
                throw new CancelledException($"interrupted: pulumi was told to stop the {what} of '{stack}' and has exited; rerun the same command to finish it");
            if (result.ExitCode != 0)
            {
                var error = PulumiErrorClassifier.Classify(result, stack);
                if (error.GetType() != typeof(PulumiException)) throw error;
                throw new DeploymentFailedException($"the {what} of '{stack}' failed after {outcome.Describe()}"
                    + (printer.Errors.Count > 0 ? ":\n  " + string.Join("\n  ", printer.Errors) : $": {error.Message}"));
            }
            return outcome;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<T> WithLockWaitAsync<T>(string stack, Func<Task<T>> operation, CancellationToken ct)
    {
        var waited = TimeSpan.Zero;
        var cleared = false;
        for (var attempt = 0; ; attempt++)
        {
            try { return await operation(); }
            catch (ConcurrentUpdateException locked)
            {
                if (!cleared && lockPolicy.ClearOlderThan is { } age && locked.Holders.Count > 0
                    && locked.Holders.All(h => h.Since is { } since && clock.Now - since > age))
                {
                    log.WriteLine($"clearing the lock on '{stack}' held by {string.Join("; ", locked.Holders)}: older than {Minutes(age)} (--clear-stale-lock)");
                    await RunAsync(PulumiArgs.Cancel(stack), stack, ct);
                    cleared = true;
                    continue;
                }
                var pause = LockPolicy.Backoff(attempt);
                if (waited + pause > lockPolicy.MaxWait)
                    throw new StackLockedException($"{locked.Message}; gave up after waiting {Minutes(waited)}. If no update is running there, clear a stale lock with --clear-stale-lock MINUTES");
                log.WriteLine($"waiting for '{stack}': {locked.Message} (waited {Minutes(waited)} of {Minutes(lockPolicy.MaxWait)})");
                await clock.Delay(pause, ct);
                waited += pause;
            }
        }
    }

    private Task WithLockWaitAsync(string stack, Func<Task<CommandResult>> operation, CancellationToken ct) =>
        WithLockWaitAsync<CommandResult>(stack, operation, ct);

    private async Task<CommandResult> RunAsync(IReadOnlyList<string> args, string? stack, CancellationToken ct)
    {
        var result = await RunRawAsync(args, ct);
        if (ct.IsCancellationRequested) throw new CancelledException($"interrupted during 'pulumi {string.Join(' ', args.Take(2))}'");
        return result.ExitCode == 0 ? result : throw PulumiErrorClassifier.Classify(result, stack);
    }

    // Known keys (even none) replace an ambient value, which may belong to another stack; unknown ones leave it be.
    private Dictionary<string, string?> SecretKeysEnvironment(string stack) => _secretKeys.TryGetValue(stack, out var keys)
        ? new() { [SecretKeysVariable] = JsonSerializer.Serialize(keys, DeployerJsonContext.Default.IReadOnlyListString) }
        : [];

    private async Task<CommandResult> RunRawAsync(IReadOnlyList<string> args, CancellationToken ct, IReadOnlyDictionary<string, string?>? environment = null)
    {
        // Once per run, before the first real call: a missing or too old CLI is its own error, never "deployment failed".
        Task check;
        lock (_cliCheck) check = _cliCheck.Value ??= CheckCliAsync(ct);
        await check;
        var result = environment is { Count: > 0 } ? await cli.RunAsync(args, environment, ct) : await cli.RunAsync(args, ct);
        stats?.Record(result.Duration);
        return result;
    }

    private async Task CheckCliAsync(CancellationToken ct)
    {
        var version = await cli.RunAsync(PulumiArgs.Version(), ct);
        stats?.Record(version.Duration);
        if (ct.IsCancellationRequested) throw new CancelledException("interrupted during 'pulumi version'");
        PulumiVersion.Require(version);
    }

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1
        ? $"{span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min"
        : $"{span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s";
}
