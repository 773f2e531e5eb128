using System.Globalization;

namespace Deployments.Deployer.Pulumi.Events;

/// <summary>
/// Shows each resource operation as it happens, one compact line per start and end (CI logs stay readable and
/// greppable), and collects the summary and error diagnostics. Unchanged resources are not printed.
/// </summary>
public sealed class ProgressPrinter(TextWriter output, Func<DateTimeOffset> now)
{
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
                output.WriteLine($"  {Verb(step.Op, false),-10} {step.Type} {step.Name}");
                break;
            case ResourceStepEvent step:
                var seconds = _started.TryGetValue(step.Name, out var at) ? (now() - at).TotalSeconds : 0;
                output.WriteLine($"  {(step.Phase == "failed" ? "failed" : Verb(step.Op, true)),-10} {step.Type} {step.Name} ({seconds.ToString("0", CultureInfo.InvariantCulture)}s)");
                break;
            case DiagnosticEvent { Severity: "error" } diagnostic:
                _errors.Add(diagnostic.Resource is null ? diagnostic.Message : $"{diagnostic.Resource}: {diagnostic.Message}");
                output.WriteLine($"  error: {_errors[^1]}");
                break;
            case SummaryEvent summary:
                Summary = summary;
                break;
        }
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
