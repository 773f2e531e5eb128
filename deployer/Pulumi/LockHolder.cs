using System.Globalization;
using System.Text.RegularExpressions;

namespace Deployments.Deployer.Pulumi;

/// <summary>
/// One lock on a file-backend stack, from the CLI's message line
/// <c>  &lt;url&gt;/.pulumi/locks/…/&lt;uuid&gt;.json: created by user@host (pid N) at 2026-01-02T03:04:05Z</c> (https://github.com/pulumi/pulumi-dotnet/blob/main/sdk/Pulumi.Automation/Commands/Exceptions/CommandException.cs).
/// </summary>
public sealed partial record LockHolder(string Who, int? Pid, DateTimeOffset? Since, string LockFile)
{
    [GeneratedRegex(@"^\s+(?<file>\S+\.json): created by (?<who>\S+)(?: \(pid (?<pid>\d+)\))? at (?<at>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Line();

    public static IReadOnlyList<LockHolder> Parse(string stderr) => Line().Matches(stderr).Select(m => new LockHolder(
        m.Groups["who"].Value,
        m.Groups["pid"].Success ? int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture) : null,
        DateTimeOffset.TryParse(m.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
        m.Groups["file"].Value)).ToList();

    public override string ToString() =>
        $"{Who}{(Pid is int p ? $" (pid {p})" : "")}{(Since is { } s ? $" since {s.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}" : "")}";
}
