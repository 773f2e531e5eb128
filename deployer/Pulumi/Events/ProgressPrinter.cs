using System.Globalization;

namespace Deployments.Deployer.Pulumi.Events;

/// <summary>
/// Shows each resource operation as it happens: in CI (or any redirected output) one compact line per start and
/// end, readable and greppable; on a terminal (<paramref name="live"/>) finished operations as lines and a status
/// line below them, rewritten in place, with what is in progress. Collects the summary and error diagnostics.
/// Unchanged resources are not printed.
/// </summary>
public sealed class ProgressPrinter(TextWriter output, Func<DateTimeOffset> now, bool live = false)
{
    private const string ClearLine = "\r\u001b[2K";
    private readonly Dictionary<string, DateTimeOffset> _started = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    public SummaryEvent? Summary { get; private set; }
    public IReadOnlyList<string> Errors => _errors;

    public void Handle(EngineEvent e)
    {
        switch (e)
        {
            case ResourceStepEvent { Op: "same" or "read" or "refresh" }:
                break;
            case ResourceStepEvent { Type: "pulumi:pulumi:Stack" }:
                break;
            case ResourceStepEvent { Phase: "started" } step:
                _started[step.Name] = now();
                if (live) Status();
                else output.WriteLine($"  {Verb(step.Op, false),-10} {step.Type} {step.Name}");
                break;
            case ResourceStepEvent step:
                var seconds = _started.Remove(step.Name, out var at) ? (now() - at).TotalSeconds : 0;
                Line($"  {(step.Phase == "failed" ? "failed" : Verb(step.Op, true)),-10} {step.Type} {step.Name} ({seconds.ToString("0", CultureInfo.InvariantCulture)}s)");
                break;
            case DiagnosticEvent { Severity: "error" } diagnostic:
                _errors.Add(diagnostic.Resource is null ? diagnostic.Message : $"{diagnostic.Resource}: {diagnostic.Message}");
                Line($"  error: {_errors[^1]}");
                break;
            case SummaryEvent summary:
                Summary = summary;
                break;
        }
    }

    /// <summary>A permanent line; on a terminal the status line is cleared first and redrawn after it.</summary>
    private void Line(string text)
    {
        if (!live) { output.WriteLine(text); return; }
        output.Write(ClearLine);
        output.WriteLine(text);
        Status();
    }

    private void Status()
    {
        if (_started.Count == 0) { output.Write(ClearLine); return; }
        var oldest = _started.Values.Min();
        output.Write($"{ClearLine}  … {_started.Count} in progress: {string.Join(", ", _started.Keys.Take(3))}{(_started.Count > 3 ? ", …" : "")} ({(now() - oldest).TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}s)");
    }

    private static string Verb(string op, bool done) => (op, done) switch
    {
        ("create", false) => "creating",
        ("create", true) => "created",
        ("update", false) => "updating",
        ("update", true) => "updated",
        ("delete", false) => "deleting",
        ("delete", true) => "deleted",
        ("replace" or "create-replacement", false) => "replacing",
        ("replace" or "create-replacement", true) => "replaced",
        ("delete-replaced", false) => "removing",
        ("delete-replaced", true) => "removed",
        _ => op,
    };
}
