using Deployments.Infra.Tests.TestSupport;
using System.Text.RegularExpressions;

namespace Deployments.Infra.Tests.Schema;

/// <summary>
/// Type-checks templates against the provider SDKs pinned in <c>tests/schema/package-lock.json</c>, installed once
/// per lockfile by <see cref="NpmProject"/>. All templates of one call are checked by a single tsc run.
/// </summary>
public static partial class SchemaCheck
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<string> Installed = new(Install);

    [GeneratedRegex(@"^(?<file>[^(\s]+)\((?<line>\d+),(?<col>\d+)\): (?<message>error TS\d+: .*)$", RegexOptions.Multiline)]
    private static partial Regex Diagnostic();

    public static SchemaCheckResult Run(params (string Name, string TemplateJson)[] templates)
    {
        var root = Installed.Value;
        var work = Path.Combine(root, "checks", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var outputs = new Dictionary<string, (string Name, TypeScriptEmitter.Output Output)>(StringComparer.Ordinal);
            foreach (var (name, json) in templates)
            {
                var file = $"{Sanitize(name)}.ts";
                var output = TypeScriptEmitter.Emit(json);
                File.WriteAllText(Path.Combine(work, file), output.Source);
                outputs[file] = (name, output);
            }
            File.WriteAllText(Path.Combine(work, "tsconfig.json"),
                $$"""{"extends": "../../tsconfig.json", "files": [{{string.Join(", ", outputs.Keys.Select(f => $"\"{f}\""))}}]}""");
            var (code, tscOut, tscErr) = NpmProject.Exec(work, CheckTimeout, "node", Path.Combine(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json", "--pretty", "false");
            var stdout = tscOut + tscErr;
            var diagnostics = Diagnostic().Matches(stdout).Select(m =>
            {
                var (name, output) = outputs.TryGetValue(Path.GetFileName(m.Groups["file"].Value), out var o) ? o : ("?", new TypeScriptEmitter.Output("", []));
                var line = int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var resource = output.ResourceLines.LastOrDefault(r => r.Line <= line).Resource ?? "(imports)";
                return new SchemaDiagnostic(name, resource, line, m.Groups["message"].Value.Trim());
            }).ToList();
            return new SchemaCheckResult(code, diagnostics, stdout);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("KEEP_SCHEMA_CHECK") is null) Directory.Delete(work, recursive: true);
        }
    }

    private static string Install() => NpmProject.Install("schema", "schema", "tsconfig.json");

    private static string Sanitize(string name) => Regex.Replace(name, "[^A-Za-z0-9_-]", "_");
}
