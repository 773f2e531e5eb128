using System.Diagnostics;

namespace Deployments.Deployer.Tests.Init;

/// <summary>A throw-away application repository: <c>git init</c> and a Dockerfile, in a directory named as asked.</summary>
public sealed class AppRepository : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"init-{Guid.NewGuid():N}");

    public string Dir { get; }

    public AppRepository(string name = "shop", string? originUrl = null)
    {
        Dir = Path.Combine(_root, name);
        Directory.CreateDirectory(Dir);
        Git("init", "--quiet");
        if (originUrl is not null) Git("remote", "add", "origin", originUrl);
        File.WriteAllText(Path.Combine(Dir, "Dockerfile"), "FROM alpine:3.20\nCMD [\"sleep\", \"infinity\"]\n");
    }

    public string Read(string path) => File.ReadAllText(Path.Combine(Dir, path));

    public bool Exists(string path) => File.Exists(Path.Combine(Dir, path));

    /// <summary>Every file under the repository except git's own, relative with '/', sorted.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.GetFiles(Dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Dir, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {process.StandardError.ReadToEnd()}");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
