using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Deployments.Infra.Tests.Schema;

/// <summary>
/// Type-checks templates against the provider SDKs pinned in <c>tests/schema/package-lock.json</c>. The npm
/// packages are installed by <c>npm ci</c> into a cache directory keyed by the lockfile's hash (outside the
/// repository: the Pulumi YAML host walks the project directory for package files, pulumi.md §1.6), once per
/// lockfile. All templates of one call are checked by a single tsc run.
/// </summary>
public static partial class SchemaCheck
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
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
            var (code, stdout) = Exec(work, CheckTimeout, "node", Path.Combine(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json", "--pretty", "false");
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

    private static string Install()
    {
        var source = RepoRoot.File("tests", "schema");
        var lockfile = File.ReadAllBytes(Path.Combine(source, "package-lock.json"));
        var key = Convert.ToHexStringLower(SHA256.HashData(lockfile))[..16];
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var root = Path.Combine(cache, "deployments", $"schema-{key}");
        var stamp = Path.Combine(root, ".installed");
        if (File.Exists(stamp)) return root;
        Directory.CreateDirectory(root);
        foreach (var file in new[] { "package.json", "package-lock.json", "tsconfig.json" })
            File.Copy(Path.Combine(source, file), Path.Combine(root, file), overwrite: true);
        TestContext.Progress.WriteLine($"schema check: npm ci into {root} (once per lockfile)...");
        var (code, output) = Exec(root, InstallTimeout, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        if (code != 0) throw new InvalidOperationException($"npm ci failed ({code}) in {root}:\n{output}");
        File.WriteAllText(stamp, key);
        return root;
    }

    private static (int Code, string Output) Exec(string directory, TimeSpan timeout, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {timeout}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Sanitize(string name) => Regex.Replace(name, "[^A-Za-z0-9_-]", "_");
}
