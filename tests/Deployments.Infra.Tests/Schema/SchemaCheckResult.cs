namespace Deployments.Infra.Tests.Schema;

/// <summary>One tsc run: its exit code and its diagnostics, each attributed to a template and resource.</summary>
public sealed record SchemaCheckResult(int ExitCode, IReadOnlyList<SchemaDiagnostic> Diagnostics, string RawOutput)
{
    public bool Passed => ExitCode == 0 && Diagnostics.Count == 0;

    public IEnumerable<SchemaDiagnostic> For(string template) => Diagnostics.Where(d => d.Template == template);

    public override string ToString() => Diagnostics.Count == 0 ? RawOutput : string.Join("\n", Diagnostics);
}

public sealed record SchemaDiagnostic(string Template, string Resource, int Line, string Message)
{
    public override string ToString() => $"{Template}: resource '{Resource}' (line {Line}): {Message}";
}
