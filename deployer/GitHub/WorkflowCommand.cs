using System.Security.Cryptography;

namespace Deployments.Deployer.GitHub;

/// <summary>Workflow-command escaping of a message (actions/toolkit escapeData, https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands).</summary>
public static class WorkflowCommand
{
    public static string Escape(string message) => message.Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>
    /// One line of untrusted output (a smoke test's) made unreadable as a workflow command wherever it is printed. The
    /// runner takes a line for a command when, after leading white space, it starts with <c>::</c>, or when it holds
    /// the legacy <c>##[</c> anywhere (actions/runner src/Runner.Common/ActionCommand.cs, TryParseV2 and TryParse:
    /// https://github.com/actions/runner/blob/main/src/Runner.Common/ActionCommand.cs), and it reads lines split at
    /// <c>\r</c> as well as <c>\n</c>. So line breaks become visible <c>\r</c>/<c>\n</c>, the line gets a <c>| </c>
    /// in front, and every <c>##[</c> loses its second <c>#</c> to a space.
    /// </summary>
    public static string Neutralize(string line) => "| " + Defuse(line);

    /// <summary>
    /// The part of <see cref="Neutralize"/> for a line printed after a fixed prefix that is not white space (such as
    /// <c>  [migrate] </c>): the prefix already keeps <c>::</c> from starting the line, so only line breaks and the
    /// legacy <c>##[</c>, which counts anywhere in a line, need defusing.
    /// </summary>
    public static string Defuse(string line) => line.Replace("\r", "\\r", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("##[", "# #[", StringComparison.Ordinal);

    /// <summary>
    /// A fresh token for <c>::stop-commands::TOKEN</c> … <c>::TOKEN::</c>, between which the runner processes no
    /// command at all: random, so the output it brackets cannot guess it and resume commands early.
    /// </summary>
    public static string NewStopToken() => "deployments-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
