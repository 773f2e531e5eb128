using Deployments.Infra.Naming;

namespace Deployments.Deployer.GitHub;

/// <summary>
/// Decides what a GitHub event means for previews (https://docs.github.com/en/webhooks/webhook-events-and-payloads). Pure: payload in, decision out.
/// pull_request opened/reopened/synchronize/ready_for_review → deploy the head branch at the head commit;
/// closed (merged or not) → destroy (a deleted fork's: found by its recorded owner, no stack named); labeled/unlabeled →
/// deploy/destroy when previews are label-gated; drafts skipped unless allowed; forks refused unless allowed (their
/// code would run with this repository's credentials), and a fork's branch named apart from this repository's;
/// the label <c>preview:wake</c> added → wake the preview (whether or not previews are label-gated);
/// push with deleted:true and delete of a branch → destroy; anything else → nothing.
/// </summary>
public static class EventDecider
{
    private static readonly string[] DeployActions = ["opened", "reopened", "synchronize", "ready_for_review"];

    public static EventDecision Decide(string eventName, PayloadReader payload, EventOptions options) => eventName switch
    {
        "pull_request" or "pull_request_target" => PullRequest(payload, options),
        "push" => Push(payload),
        "delete" => Delete(payload),
        _ => new EventDecision(EventDecision.None, null, null, $"nothing to do for '{eventName}' events"),
    };

    private static EventDecision PullRequest(PayloadReader p, EventOptions options)
    {
        var action = p.String("action");
        var number = p.Int("number");
        var branch = p.Branch("pull_request.head.ref");
        var sha = p.Sha("pull_request.head.sha");
        var baseRepo = p.String("pull_request.base.repo.full_name");
        var headRepo = p.ObjectOrNull("pull_request.head.repo");
        var draft = p.Bool("pull_request.draft", fallback: false);
        var labels = p.LabelNames("pull_request.labels");
        // A fork's branch gets its own stack (named from the fork and the branch): never the one of this repository's
        // branch of the same name. The fork's author chooses both names, so the repository name is checked here.
        var headName = headRepo is null ? null : p.String("pull_request.head.repo.full_name");
        var fork = headName is not null && !string.Equals(headName, baseRepo, StringComparison.OrdinalIgnoreCase) ? headName : null;
        if (fork is not null && !NameRules.TryValidateRepository(fork, out var repositoryMessage))
            throw new Errors.UserInputException($"event payload (pull_request): 'pull_request.head.repo.full_name' {repositoryMessage}; nothing was done");
        if (fork is not null && fork.Length + 1 + branch.Length > NameRules.MaxBranchLength)
            throw new Errors.UserInputException($"event payload (pull_request): 'pull_request.head.ref' is too long for a fork's preview: at most {NameRules.MaxBranchLength - fork.Length - 1} characters with the fork's name; nothing was done");
        var stack = headRepo is null ? null : PreviewNames.StackNameFor(branch, fork);
        EventDecision Result(string what, string reason) => new(what, branch, stack, reason) { PullRequest = number, HeadSha = sha, Repository = baseRepo, HeadRepository = fork };

        if (action == "closed")
        {
            var closed = $"pull request #{number} was {(p.Bool("pull_request.merged", fallback: false) ? "merged" : "closed")}";
            return Result(EventDecision.Destroy, headRepo is null ? DeletedFork(closed) : closed);
        }

        var gated = options.Label is not null;
        var labelEvent = action is "labeled" or "unlabeled";
        if (!DeployActions.Contains(action) && !labelEvent)
            return Result(EventDecision.None, $"nothing to do for pull_request '{action}'");
        if (labelEvent)
        {
            var label = p.String("label.name");
            if (action == "labeled" && label == EventOptions.WakeLabel)
                return Wake(number, label, headRepo is null, fork is not null && !options.AllowForks, Result);
            if (!gated || label != options.Label) return Result(EventDecision.None, $"label '{label}' does not gate previews");
            if (action == "unlabeled")
            {
                var removed = $"label '{label}' was removed from #{number}";
                return Result(EventDecision.Destroy, headRepo is null ? DeletedFork(removed) : removed);
            }
        }

        if (headRepo is null)
            throw new Errors.UserInputException($"event payload (pull_request): 'pull_request.head.repo' is null — the fork of #{number} was deleted, so there is no code to deploy; nothing was done");
        if (fork is not null && !options.AllowForks)
            return Result(EventDecision.None, $"#{number} comes from the fork {headName}: fork previews are refused because they would run that code with this repository's AWS credentials (pass --allow-forks to accept them)");
        if (draft && !options.AllowDrafts)
            return Result(EventDecision.None, $"#{number} is a draft: previews start when it is ready for review (or pass --allow-drafts)");
        if (gated && !labels.Contains(options.Label!))
            return Result(EventDecision.None, $"#{number} does not carry the label '{options.Label}' that previews need");
        return Result(EventDecision.Deploy, $"pull request #{number} {action.Replace('_', ' ')} at {sha[..Math.Min(7, sha.Length)]}") with
        {
            ImageTag = options.ImageTag(sha, number),
        };
    }

    // Waking changes only the bounds of a preview that exists; a deleted fork's or a refused fork's has none to wake.
    private static EventDecision Wake(int number, string label, bool forkDeleted, bool forkRefused, Func<string, string, EventDecision> result) =>
        forkDeleted ? result(EventDecision.None, $"label '{label}' was added to #{number}, whose fork was deleted: it has no preview to wake")
        : forkRefused ? result(EventDecision.None, $"label '{label}' was added to #{number}, which comes from a fork: fork previews are refused (pass --allow-forks to accept them)")
        : result(EventDecision.Wake, $"label '{label}' was added to #{number}: its preview wakes until the next scheduled stop");

    // head.repo is null only when the fork was deleted: its name, and so its preview's stack name, is gone with it; the
    // decision has no stack, and the preview is found by the owner its stack records.
    private static string DeletedFork(string what) =>
        $"{what}; its fork was deleted ('pull_request.head.repo' is null), so its preview is the one recorded as its own";

    private static EventDecision Push(PayloadReader p)
    {
        var reference = p.String("ref");
        if (!p.Bool("deleted", fallback: false)) return new(EventDecision.None, null, null, "a push: previews follow pull requests, nothing to do");
        if (!reference.StartsWith("refs/heads/", StringComparison.Ordinal)) return new(EventDecision.None, null, null, $"'{reference}' is not a branch");
        var branch = p.Branch("ref", reference["refs/heads/".Length..]);
        return new(EventDecision.Destroy, branch, PreviewNames.StackNameFor(branch), $"branch '{branch}' was deleted");
    }

    private static EventDecision Delete(PayloadReader p)
    {
        var reference = p.String("ref");
        if (p.String("ref_type") != "branch") return new(EventDecision.None, null, null, $"'{reference}' is a {p.String("ref_type")}, not a branch");
        p.Branch("ref");
        return new(EventDecision.Destroy, reference, PreviewNames.StackNameFor(reference), $"branch '{reference}' was deleted");
    }
}
