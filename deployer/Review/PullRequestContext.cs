using Deployments.Deployer.GitHub;

namespace Deployments.Deployer.Review;

/// <summary>
/// The pull request a review runs for, from the <c>pull_request</c> event GitHub Actions gives the job
/// (GITHUB_EVENT_NAME/GITHUB_EVENT_PATH, https://docs.github.com/en/webhooks/webhook-events-and-payloads#pull_request):
/// its number, the head commit reviewed and the branch a merge goes into. Null for any other event, or outside Actions.
/// </summary>
public sealed record PullRequestContext(int Number, string HeadSha, string BaseBranch, string? Repository)
{
    public static PullRequestContext? FromEnvironment(Func<string, string?> getVariable)
    {
        if (getVariable("GITHUB_EVENT_NAME") is not ("pull_request" or "pull_request_target") || getVariable("GITHUB_EVENT_PATH") is not { Length: > 0 } path) return null;
        var payload = PayloadReader.Parse(PayloadReader.ReadFile(path, "GITHUB_EVENT_PATH"), getVariable("GITHUB_EVENT_NAME")!);
        return new PullRequestContext(payload.Int("pull_request.number"), payload.Sha("pull_request.head.sha"), payload.Branch("pull_request.base.ref"),
            payload.Get("repository.full_name") is { ValueKind: System.Text.Json.JsonValueKind.String } repository ? repository.GetString() : getVariable("GITHUB_REPOSITORY"));
    }

    public string ShortSha => HeadSha[..Math.Min(7, HeadSha.Length)];
}
