namespace Deployments.Deployer.GitHub;

/// <summary>Workflow-command escaping of a message (actions/toolkit escapeData, https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands).</summary>
public static class WorkflowCommand
{
    public static string Escape(string message) => message.Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
}
