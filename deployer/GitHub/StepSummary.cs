namespace Deployments.Deployer.GitHub;

/// <summary>The Markdown of the Actions step summary (GITHUB_STEP_SUMMARY); event text escaped by <see cref="MarkdownText"/>.</summary>
public static class StepSummary
{
    public static string Deployed(Commands.PreviewDeployResult deployed, EventDecision decision) =>
        $"### Preview of {MarkdownText.Escape(deployed.Branch)} is up\n\n| | |\n|---|---|\n| URL | {deployed.Url} |\n| Stack | `{deployed.Stack}` |\n| Image | `{deployed.ImageTag}` |\n| Commit | `{decision.HeadSha}` |";

    public static string Destroyed(string stack, bool removed, string reason) =>
        $"### Preview `{stack}` {(removed ? "destroyed" : "was already gone")}\n{MarkdownText.Escape(reason)}.";
}
