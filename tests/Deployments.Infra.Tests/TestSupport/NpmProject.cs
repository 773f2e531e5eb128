using System.Diagnostics;
using System.Security.Cryptography;

namespace Deployments.Infra.Tests.TestSupport;

/// <summary>
/// An npm project of the tests (<c>tests/&lt;folder&gt;</c>), installed by <c>npm ci</c> once per lockfile into
/// <c>~/.cache/deployments/&lt;name&gt;-&lt;lockfile hash&gt;</c>: outside the repository, because the Pulumi YAML host walks
/// the project directory for package files (https://www.pulumi.com/docs/iac/languages-sdks/yaml/yaml-language-reference/), and never twice for the same lockfile.
/// </summary>
public static class NpmProject
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Installs <c>tests/<paramref name="folder"/></c> (package.json, package-lock.json and <paramref name="files"/>); returns its directory.</summary>
    public static string Install(string name, string folder, params string[] files)
    {
        var source = RepoRoot.File("tests", folder);
        var lockfile = File.ReadAllBytes(Path.Combine(source, "package-lock.json"));
        var key = Convert.ToHexStringLower(SHA256.HashData(lockfile))[..16];
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var root = Path.Combine(cache, "deployments", $"{name}-{key}");
        var stamp = Path.Combine(root, ".installed");
        if (File.Exists(stamp)) return root;
        Directory.CreateDirectory(root);
        foreach (var file in new[] { "package.json", "package-lock.json" }.Concat(files))
            File.Copy(Path.Combine(source, file), Path.Combine(root, file), overwrite: true);
        TestContext.Progress.WriteLine($"{name}: npm ci into {root} (once per lockfile)...");
        var (code, stdout, stderr) = Exec(root, InstallTimeout, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        if (code != 0) throw new InvalidOperationException($"npm ci failed ({code}) in {root}:\n{stdout}{stderr}");
        File.WriteAllText(stamp, key);
        return root;
    }

    public static (int Code, string Stdout, string Stderr) Exec(string directory, TimeSpan timeout, string program, params string[] args)
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
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
