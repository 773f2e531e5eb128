using System.CommandLine;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Previews;
using Deployments.Deployer.Pulumi;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>deployer preview prune</c>: destroy and remove previews that are stale (no update for longer than
/// <c>--max-age</c>) or whose branch is not in <c>--open-branches</c>. A failure is reported and the rest go on; the
/// run then fails, so the failed preview is retried by the next run rather than forgotten.
/// </summary>
public sealed class PreviewPruneCommand : Command
{
    private readonly Option<string> _maxAge = new("--max-age") { Description = "Destroy previews not updated for longer than this (7d, 36h, 90m)", Required = true };
    private readonly Option<string?> _openBranches = new("--open-branches") { Description = "File with the open branches, one per line (a fork's as owner/name:branch); previews of other branches are destroyed" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Only say what would be destroyed" };
    private readonly PulumiOptions _pulumi = new();

    public PreviewPruneCommand(CommandContext context) : base("prune", "Destroy stale previews and previews of closed branches")
    {
        Options.Add(_maxAge);
        Options.Add(_openBranches);
        Options.Add(_dryRun);
        _pulumi.AddTo(this);
        SetAction(async (result, ct) =>
        {
            var maxAge = Duration.Parse("--max-age", result.GetValue(_maxAge)!);
            var open = ReadOpenBranches(result.GetValue(_openBranches));
            var (workspace, _) = _pulumi.Open(result, context);
            var remover = new PreviewRemover(workspace, context.Error);
            var failures = new List<string>();
            var now = context.Clock.Now;
            foreach (var summary in await new PreviewCatalog(workspace).StacksAsync(ct))
            {
                var stack = StackNames.Short(summary.Name);
                var reason = summary.LastUpdate is not { } last ? "never updated"
                    : now - last > maxAge ? $"no update for {(now - last).TotalDays:0.#} days (limit {maxAge.TotalDays:0.##})"
                    : open is not null && !open.Contains(stack) ? "its branch is not open"
                    : null;
                if (reason is null) continue;
                context.Out.WriteLine($"{(result.GetValue(_dryRun) ? "would destroy" : "destroying")} {stack}: {reason}");
                if (result.GetValue(_dryRun)) continue;
                try { await remover.DestroyAndRemoveAsync(stack, ct); }
                catch (DeployerException e) when (e is not CancelledException)
                {
                    failures.Add($"{stack}: {e.Message}");
                    context.Error.WriteLine($"failed to destroy {stack}; it will be retried on the next run: {e.Message}");
                }
            }
            if (failures.Count > 0)
                throw new DeploymentFailedException($"{failures.Count} preview(s) could not be destroyed (retried on the next run):\n  " + string.Join("\n  ", failures));
            return ExitCodes.Success;
        });
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
