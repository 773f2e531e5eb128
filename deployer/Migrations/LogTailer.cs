using Deployments.Deployer.Aws.Logs;

namespace Deployments.Deployer.Migrations;

/// <summary>
/// Follows one CloudWatch Logs stream forward and prints each new line with a prefix, keeping the last lines for
/// the report. A poll reads pages until caught up — the returned token equals the one sent (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_GetLogEvents.html;
/// pages may be empty before that) — bounded per poll so a chatty task cannot starve the status checks.
/// What a task logs is not ours (a preview's migration runs the pull request's image), so each line is defused
/// (<see cref="GitHub.WorkflowCommand.Defuse"/>) and the prefix must not be blank: nothing it prints is a workflow command.
/// </summary>
public sealed class LogTailer(LogsClient logs, string group, string stream, TextWriter output, string prefix, int tailLines = 40)
{
    public const int MaxPagesPerPoll = 10;

    /// <summary>The prefix keeps a logged <c>::command::</c> from starting a printed line (the runner trims only white space).</summary>
    private readonly string _prefix = string.IsNullOrWhiteSpace(prefix) || prefix.Trim().StartsWith("::", StringComparison.Ordinal)
        ? throw new ArgumentException("a log prefix must hold something other than white space and must not start with '::'", nameof(prefix)) : prefix;
    private readonly Queue<string> _tail = new();
    private string? _token;

    public IReadOnlyList<string> Tail => _tail.ToList();
    public string Stream => stream;

    /// <summary>Prints what is new; returns how many lines that was.</summary>
    public async Task<int> PollAsync(CancellationToken ct)
    {
        var printed = 0;
        for (var page = 0; page < MaxPagesPerPoll; page++)
        {
            var (events, next) = await logs.GetLogEventsAsync(group, stream, _token, ct);
            foreach (var e in events)
            {
                var line = e.Message.TrimEnd('\n', '\r');
                output.WriteLine($"{_prefix}{GitHub.WorkflowCommand.Defuse(line)}");
                _tail.Enqueue(line);
                if (_tail.Count > tailLines) _tail.Dequeue();
                printed++;
            }
            var caughtUp = next is null || next == _token;
            _token = next ?? _token;
            if (caughtUp) break;
        }
        return printed;
    }
}
