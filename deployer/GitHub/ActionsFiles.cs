namespace Deployments.Deployer.GitHub;

/// <summary>
/// GitHub Actions' step files (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands): outputs appended to GITHUB_OUTPUT as <c>name=value</c> (values
/// with line breaks in the heredoc form with a random delimiter) and Markdown appended to GITHUB_STEP_SUMMARY.
/// Outside Actions (variables unset) nothing is written.
/// </summary>
public sealed class ActionsFiles(Func<string, string?> getVariable)
{
    public void Output(string name, string value)
    {
        if (getVariable("GITHUB_OUTPUT") is not { Length: > 0 } path) return;
        if (!value.Contains('\n', StringComparison.Ordinal) && !value.Contains('\r', StringComparison.Ordinal))
        {
            File.AppendAllText(path, $"{name}={value}\n");
            return;
        }
        var delimiter = $"ghadelimiter_{Guid.NewGuid()}";
        File.AppendAllText(path, $"{name}<<{delimiter}\n{value}\n{delimiter}\n");
    }

    /// <summary>The outputs of a command that deployed a stack; the action's outputs <c>url</c> and <c>stack</c> are these
    /// (action.yml, the step <c>run</c>).</summary>
    public void Deployed(string stack, string url)
    {
        Output("url", url);
        Output("stack", stack);
    }

    public void Summary(string markdown)
    {
        if (getVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } path) File.AppendAllText(path, markdown.TrimEnd('\n') + "\n");
    }
}
