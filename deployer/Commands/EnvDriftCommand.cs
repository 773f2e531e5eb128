using System.CommandLine;
using Deployments.Deployer.Drift;
using Deployments.Deployer.Errors;
using Deployments.Deployer.GitHub;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>deployer env drift ENV [--github-issue]</c>: resources changed or deleted outside Pulumi, from a refresh preview
/// that changes nothing (no state written, no lock taken); exit 0 without drift, <see cref="ExitCodes.DriftDetected"/>
/// with. With <c>--github-issue</c> it keeps the environment's one drift issue (<see cref="DriftIssue"/>) up to date.
/// </summary>
public sealed class EnvDriftCommand : Command
{
    private readonly Argument<string> _environment = EnvironmentArgument.Create();
    private readonly Option<bool> _issue = new("--github-issue") { Description = "Open, edit or close the environment's drift issue in GITHUB_REPOSITORY (needs GITHUB_TOKEN with issues: write)" };
    private readonly PulumiOptions _pulumi = new();

    public EnvDriftCommand(CommandContext context) : base("drift", "Report resources changed or deleted outside Pulumi (a refresh preview: changes nothing); exit 12 on drift")
    {
        Arguments.Add(_environment);
        Options.Add(_issue);
        _pulumi.AddTo(this);
        SetAction(async (result, ct) =>
        {
            var stack = EnvironmentArgument.Value(result, _environment);
            // Checked before Pulumi runs: a bad setting is refused with nothing done.
            (string Token, GitHubRepositoryName Repository)? issueTarget = result.GetValue(_issue) ? IssueTarget(context) : null;
            var (workspace, _) = _pulumi.Open(result, context, readOnly: true);
            var report = DriftDetector.Find(await workspace.RefreshPreviewAsync(stack, ct), stack);
            context.Out.Write(DriftRenderer.Text(report));
            var now = context.Clock.Now;
            var runUrl = ActionsRunLink.From(context.GetVariable);
            if (report.HasDrift) new ActionsFiles(context.GetVariable).Summary(DriftRenderer.Markdown(report, now, runUrl));
            if (issueTarget is var (token, repository))
            {
                using var github = GitHubSession.Open(context.GetVariable, token, context.Clock, context.Error, ct);
                var identity = new TokenIdentityResolver(github.Client, context.GetVariable("GITHUB_ACTIONS") == "true");
                await new DriftIssue(github.Client, repository, stack, identity, context.Error).SyncAsync(
                    report.HasDrift ? (DriftRenderer.Title(report), DriftRenderer.Markdown(report, now, runUrl)) : null,
                    DriftRenderer.Closing(stack, now, runUrl), ct);
            }
            return report.HasDrift ? ExitCodes.DriftDetected : ExitCodes.Success;
        });
    }

    private static (string Token, GitHubRepositoryName Repository) IssueTarget(CommandContext context)
    {
        if (context.GetVariable("GITHUB_TOKEN") is not { Length: > 0 } token)
            throw new UserInputException("--github-issue needs GITHUB_TOKEN: a token allowed to write the repository's issues (in Actions: permissions issues: write)");
        if (GitHubRepositoryName.TryParse(context.GetVariable("GITHUB_REPOSITORY")) is not { } repository)
            throw new UserInputException("--github-issue needs GITHUB_REPOSITORY: the repository as OWNER/NAME (Actions sets it)");
        GitHubClientFactory.ApiBase(context.GetVariable("GITHUB_API_URL"));
        return (token, repository);
    }
}
