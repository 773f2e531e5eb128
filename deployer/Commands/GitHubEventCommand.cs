using System.CommandLine;
using System.Text.Json.Nodes;
using Deployments.Deployer.Errors;
using Deployments.Deployer.GitHub;
using Deployments.Deployer.Previews;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>deployer github event</c>: reads the GitHub event (GITHUB_EVENT_NAME / GITHUB_EVENT_PATH, or the options) and
/// deploys or destroys the branch's preview, or says why there is nothing to do. <c>--dry-run</c> only decides.
/// </summary>
public sealed class GitHubEventCommand : Command
{
    private readonly Option<string?> _eventName = new("--event-name") { Description = "Event name (default: $GITHUB_EVENT_NAME)" };
    private readonly Option<string?> _eventPath = new("--event-path") { Description = "Event payload file (default: $GITHUB_EVENT_PATH)" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Decide and print the decision; call nothing" };
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Option<string> _parent = CommonOptions.Parent();
    private readonly Option<string?> _label = new("--label") { Description = "Previews only for pull requests with this label" };
    private readonly Option<bool> _allowDrafts = new("--allow-drafts") { Description = "Deploy draft pull requests too" };
    private readonly Option<bool> _allowForks = new("--allow-forks") { Description = "Deploy pull requests from forks (their code runs with your credentials)" };
    private readonly Option<string> _imageTag = new("--image-tag-template") { Description = "Image tag of a commit: {short_sha}, {sha}, {pr}", DefaultValueFactory = _ => "{short_sha}" };
    private readonly PulumiOptions _pulumi = new();
    private readonly ReleaseCommandOptions _release = new();

    /// <summary>A deleted fork's close: its preview's name came from the fork's name, which is gone, so the previews
    /// recorded as this pull request's (of a fork) are destroyed, each with its owner checked again.</summary>
    private static async Task<int> DestroyDeletedForkPreviewsAsync(CommandContext context, Pulumi.PulumiWorkspace workspace, ActionsFiles actions,
        EventDecision decision, int pullRequest, CancellationToken ct)
    {
        var owned = await new PreviewCatalog(workspace).ForkPreviewsOfAsync(pullRequest, ct);
        if (owned.Count == 0) context.Out.WriteLine($"nothing to destroy: no fork preview is recorded as #{pullRequest}'s");
        foreach (var (stack, fork) in owned)
        {
            using var reporter = GitHubReporter.Create(context.GetVariable, decision.Repository ?? context.GetVariable("GITHUB_REPOSITORY"), pullRequest, stack, context.Clock, context.Error, ct);
            await new PreviewRemover(workspace, context.Error).RemoveAsync(stack, ct, pullRequest, fork);
            context.Out.WriteLine($"destroyed {stack}");
            actions.Summary(StepSummary.Destroyed(stack, true, decision.Reason));
            if (reporter is not null) await reporter.DestroyedAsync(decision with { Stack = stack }, ct);
        }
        return ExitCodes.Success;
    }

    /// <summary>The pull request's own preview only (its number is the owner checked), and nothing deployed or destroyed.</summary>
    private static async Task<int> WakeAsync(CommandContext context, Pulumi.PulumiWorkspace workspace, ActionsFiles actions, EventDecision decision, bool json, CancellationToken ct)
    {
        var woken = await PreviewWakeCommand.RunAsync(context, workspace, decision.Stack!, decision.PullRequest, decision.HeadRepository, ct);
        context.Out.WriteLine(json
            ? new JsonObject { ["action"] = decision.Action, ["branch"] = decision.Branch, ["stack"] = decision.Stack, ["woken"] = woken.Woken }.ToJsonString()
            : woken.Describe());
        actions.Output("stack", decision.Stack!);
        return ExitCodes.Success;
    }

    public GitHubEventCommand(CommandContext context) : base("event", "Deploy or destroy a preview for a GitHub event")
    {
        foreach (var option in new Option[] { _eventName, _eventPath, _dryRun, _json, _parent, _label, _allowDrafts, _allowForks, _imageTag }) Options.Add(option);
        _pulumi.AddTo(this);
        _release.AddTo(this);
        SetAction(async (result, ct) =>
        {
            var name = result.GetValue(_eventName) ?? context.GetVariable("GITHUB_EVENT_NAME");
            var path = result.GetValue(_eventPath) ?? context.GetVariable("GITHUB_EVENT_PATH");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(path))
                throw new UserInputException("no event: set GITHUB_EVENT_NAME and GITHUB_EVENT_PATH (GitHub Actions does) or pass --event-name and --event-path");
            var options = new EventOptions(result.GetValue(_label), result.GetValue(_allowDrafts), result.GetValue(_allowForks), result.GetValue(_imageTag)!);
            var decision = EventDecider.Decide(name, PayloadReader.Parse(PayloadReader.ReadFile(path, "--event-path"), name), options);
            if (decision.ImageTag is { } tag) ImageTags.Validate(tag, "--image-tag-template");
            var json = result.GetValue(_json);
            if (result.GetValue(_dryRun) || decision.Action == EventDecision.None)
            {
                context.Out.WriteLine(json
                    ? new JsonObject { ["action"] = decision.Action, ["branch"] = decision.Branch, ["stack"] = decision.Stack, ["reason"] = decision.Reason }.ToJsonString()
                    : $"{decision.Action}: {decision.Reason}");
                return ExitCodes.Success;
            }
            context.Error.WriteLine($"{decision.Action} {decision.Stack ?? "the pull request's fork preview"}: {decision.Reason}");
            var (workspace, _) = _pulumi.Open(result, context);
            var actions = new ActionsFiles(context.GetVariable);
            if (decision is { Action: EventDecision.Destroy, Stack: null, PullRequest: int owner })
                return await DestroyDeletedForkPreviewsAsync(context, workspace, actions, decision, owner, ct);
            using var reporter = decision.PullRequest is int pr
                ? GitHubReporter.Create(context.GetVariable, decision.Repository ?? context.GetVariable("GITHUB_REPOSITORY"), pr, decision.Stack!, context.Clock, context.Error, ct)
                : null;
            if (decision.Action == EventDecision.Wake)
                return await WakeAsync(context, workspace, actions, decision, json, ct);
            if (decision.Action == EventDecision.Destroy)
            {
                var removed = await new PreviewRemover(workspace, context.Error).RemoveAsync(decision.Stack!, ct, decision.PullRequest, decision.HeadRepository);
                context.Out.WriteLine(json
                    ? new JsonObject { ["action"] = decision.Action, ["branch"] = decision.Branch, ["stack"] = decision.Stack, ["destroyed"] = removed }.ToJsonString()
                    : removed ? $"destroyed {decision.Stack}" : $"nothing to destroy: {decision.Stack} does not exist");
                actions.Output("stack", decision.Stack!);
                actions.Summary(StepSummary.Destroyed(decision.Stack!, removed, decision.Reason));
                if (reporter is not null) await reporter.DestroyedAsync(decision, ct);
                return ExitCodes.Success;
            }
            var request = PreviewInputs.Validate(decision.Branch!, decision.ImageTag!, decision.PullRequest, decision.HeadRepository);
            if (reporter is not null) await reporter.DeployingAsync(decision, ct);
            Commands.PreviewDeployResult deployed;
            // The long part (pulumi's progress, the migration's log) folds into one group in the Actions log. Workflow
            // commands go to stderr, with that progress (the runner reads both streams, see ActionsMasks): stdout is data.
            var inActions = context.GetVariable("GITHUB_ACTIONS") == "true";
            if (inActions) context.Error.WriteLine($"::group::Deploy {decision.Stack}");
            try
            {
                deployed = await new PreviewDeployer(workspace, context.Error, _release.Steps(result, workspace, context)).DeployAsync(request, StackArgument.Environment("--parent", result.GetValue(_parent)!).ToString(), ct);
                if (inActions) context.Error.WriteLine("::endgroup::");
            }
            catch (DeployerException e) when (e is not CancelledException)
            {
                if (inActions) context.Error.WriteLine("::endgroup::");
                if (reporter is not null && e is Smoke.SmokeTestsFailedException smoke) await reporter.SmokeTestsFailedAsync(smoke, decision, CancellationToken.None);
                else if (reporter is not null) await reporter.FailedAsync(decision, e.Message, CancellationToken.None);
                // Inside Actions, the failure also becomes an annotation on the run.
                if (inActions) context.Error.WriteLine($"::error title=Preview {decision.Stack} failed::{WorkflowCommand.Escape(e.Message)}");
                throw;
            }
            if (reporter is not null) await reporter.DeployedAsync(deployed, decision, ct);
            actions.Deployed(deployed.Stack, deployed.Url);
            actions.Summary(StepSummary.Deployed(deployed, decision));
            context.Out.WriteLine(json
                ? new JsonObject { ["action"] = decision.Action, ["branch"] = decision.Branch, ["stack"] = deployed.Stack, ["url"] = deployed.Url }.ToJsonString()
                : deployed.Url);
            return ExitCodes.Success;
        });
    }
}
