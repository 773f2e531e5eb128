using System.CommandLine;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Previews;
using Deployments.Deployer.Pulumi;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>deployer preview prune</c>: destroy and remove previews that are stale (no update for longer than
/// <c>--max-age</c>) or whose branch is not in <c>--open-branches</c>. Previews are destroyed <c>--parallel</c> at a time (each
/// one's output a block, in stack order); a failure is reported and the rest go on; the
/// run then fails, so the failed preview is retried by the next run rather than forgotten.
/// </summary>
public sealed class PreviewPruneCommand : Command
{
    private readonly Option<string> _maxAge = new("--max-age") { Description = "Destroy previews not updated for longer than this (7d, 36h, 90m)", Required = true };
    private readonly Option<string?> _openBranches = new("--open-branches") { Description = "File with the open branches, one per line (a fork's as owner/name:branch); previews of other branches are destroyed" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Only say what would be destroyed" };
    private readonly PulumiOptions _pulumi = new();

    /// <summary>Destroys at once. A destroy is mostly waiting on AWS (a target group's deregistration delay, a service's
    /// drain), so 8 at once cost little CPU even on a 2-core runner; each is one <c>pulumi</c> and one AWS provider
    /// process, a few hundred MB together, so 8 stay well inside a standard runner's 7 GB; and their API calls stay far
    /// below ECS's and ELB's rate limits (the provider retries a throttled call). At 4 the gain over one at a time
    /// could never reach the 4× a sweep of hundreds of previews wants.</summary>
    public const int DefaultParallel = 8;

    private readonly ParallelOption _parallel = new(DefaultParallel, "previews to destroy");

    public PreviewPruneCommand(CommandContext context) : base("prune", "Destroy stale previews and previews of closed branches")
    {
        Options.Add(_maxAge);
        Options.Add(_openBranches);
        Options.Add(_dryRun);
        _pulumi.AddTo(this);
        Options.Add(_parallel.Option);
        SetAction(async (result, ct) =>
        {
            var maxAge = Duration.Parse("--max-age", result.GetValue(_maxAge)!);
            var open = ReadOpenBranches(result.GetValue(_openBranches));
            var parallel = _parallel.Read(result);
            var (workspace, _) = _pulumi.Open(result, context);
            var now = context.Clock.Now;
            var doomed = (await new PreviewCatalog(workspace).StacksAsync(ct)).Select(summary =>
            {
                var stack = StackNames.Short(summary.Name);
                var reason = summary.LastUpdate is not { } last ? "never updated"
                    : now - last > maxAge ? $"no update for {(now - last).TotalDays:0.#} days (limit {maxAge.TotalDays:0.##})"
                    : open is not null && !open.Contains(stack) ? "its branch is not open"
                    : null;
                return (Stack: stack, Reason: reason);
            }).Where(d => d.Reason is not null).ToList();
            if (result.GetValue(_dryRun))
            {
                foreach (var (stack, reason) in doomed) context.Out.WriteLine($"would destroy {stack}: {reason}");
                return ExitCodes.Success;
            }
            var failures = await DestroyAllAsync(context, workspace, doomed, parallel, ct);
            if (failures.Count > 0)
                throw new DeploymentFailedException($"{failures.Count} preview(s) could not be destroyed (retried on the next run):\n  " + string.Join("\n  ", failures));
            return ExitCodes.Success;
        });
    }

    /// <summary>
    /// Destroys <paramref name="doomed"/>, <paramref name="parallel"/> at a time, each with its own log printed as one
    /// block in stack order. A failure (a locked stack past <c>--lock-wait</c>, a failed destroy) is that preview's
    /// alone: the others go on, and the failures are returned in stack order. Ctrl-C stops them all and waits for them.
    /// </summary>
    private static async Task<IReadOnlyList<string>> DestroyAllAsync(CommandContext context, PulumiWorkspace workspace,
        IReadOnlyList<(string Stack, string? Reason)> doomed, int parallel, CancellationToken ct)
    {
        if (doomed.Count == 0) return [];
        context.Error.WriteLine($"destroying {doomed.Count} preview(s), up to {parallel} at a time");
        var blocks = new OrderedBlocks(doomed.Count);
        try
        {
            var outcomes = await BoundedParallel.MapAsync(doomed, parallel, async (item, index, token) =>
            {
                var log = new StringWriter { NewLine = "\n" };
                string? failure = null;
                try { await new PreviewRemover(workspace.WithLog(log), log).DestroyAndRemoveAsync(item.Stack, token); }
                catch (DeployerException e) when (e is not CancelledException)
                {
                    failure = $"{item.Stack}: {e.Message}";
                    log.WriteLine($"failed to destroy {item.Stack}; it will be retried on the next run: {e.Message}");
                }
                catch (CancelledException e)
                {
                    log.WriteLine(e.Message);
                    throw;
                }
                finally
                {
                    blocks.Complete(index, () =>
                    {
                        context.Out.WriteLine($"destroying {item.Stack}: {item.Reason}");
                        context.Error.Write(log.ToString());
                    });
                }
                return failure;
            }, ct);
            return outcomes.OfType<string>().ToList();
        }
        finally { blocks.FlushFinished(); }
    }

    /// <summary>One branch a line; 16 MiB holds far more open pull requests than a repository has.</summary>
    public const long MaxOpenBranchesBytes = 16 * InputFiles.MiB;

    private static HashSet<string>? ReadOpenBranches(string? file)
    {
        if (file is null) return null;
        var text = InputFiles.ReadText(file, "--open-branches", MaxOpenBranchesBytes, "a file with one branch name per line");
        var stacks = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            // A fork's open branch is listed as owner/name:branch (':' cannot occur in a git branch name). Errors give
            // the line number, not the line: a hostile line could be long or hold terminal escapes.
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (repository, branch) = colon < 0 ? (null, line) : (line[..colon], line[(colon + 1)..]);
            if (!NameRules.TryValidateBranch(branch, out var message)) throw new UserInputException($"--open-branches: line {number} is not a branch name: it {message}");
            if (repository is not null && !NameRules.TryValidateRepository(repository, out message))
                throw new UserInputException($"--open-branches: line {number}: the part before ':' {message}");
            stacks.Add(PreviewNames.StackNameFor(branch, repository));
        }
        return stacks;
    }
}
