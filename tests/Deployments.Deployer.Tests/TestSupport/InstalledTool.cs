using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Deployments.Deployer.Tests.TestSupport;

/// <summary>
/// The <c>deployments</c> tool as a user gets it, built once per test run: the tracked sources copied to a temp
/// directory (so packing never touches this checkout's obj/bin while other tests build), <c>dotnet pack</c>ed into a
/// temp feed — the pointer package, the Native AOT package of this platform, the framework-dependent <c>any</c> one —
/// then <c>dotnet tool install</c>ed from that feed only, with a NuGet cache of its own (an earlier build of the same
/// version in the user's cache must not be installed instead). <see cref="Native"/> is the tool-path of the normal
/// install (which picks the AOT package), <see cref="Fallback"/> the one of <c>Deployments.any</c> installed explicitly.
/// </summary>
public sealed partial class InstalledTool
{
    /// <summary>The RID whose Native AOT package the tests build (the tool ships it; other platforms get <c>any</c>).</summary>
    public const string NativeRid = "linux-x64";

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(8);
    private static readonly Lazy<InstalledTool> Built = new(() => new InstalledTool(), LazyThreadSafetyMode.ExecutionAndPublication);

    private InstalledTool()
    {
        Root = Directory.CreateTempSubdirectory("deployments-tool-").FullName;
        Sources = Path.Combine(Root, "src");
        Feed = Path.Combine(Root, "feed");
        Native = Path.Combine(Root, "tool");
        Fallback = Path.Combine(Root, "tool-any");
        Version = VersionProperty().Match(File.ReadAllText(RepoRoot.File("Directory.Build.props"))).Groups["v"].Value;
        CopyTrackedSources(Sources);
        // The copy has no .git: the commit is passed as a release build from a checkout would have it (Source Link puts
        // it in the informational version, from which `init` pins our action).
        Commit = Run("git", ["rev-parse", "HEAD"], RepoRoot.Dir).StdOut.Trim();
        foreach (var rid in new string?[] { null, NativeRid, "any" })
            Dotnet(Sources, ["pack", "deployer", "-c", "Release", "-o", Feed, "-nologo", $"-p:SourceRevisionId={Commit}", .. rid is null ? Array.Empty<string>() : ["-r", rid]]);
        var config = Path.Combine(Root, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="feed" value="{Feed}" /></packageSources></configuration>
            """);
        var cache = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages") };
        Dotnet(Root, ["tool", "install", "--tool-path", Native, "--configfile", config, "Deployments", "--version", Version], cache);
        Dotnet(Root, ["tool", "install", "--tool-path", Fallback, "--configfile", config, "Deployments.any", "--version", Version], cache);
    }

    /// <summary>Builds and installs the tool on first use; a machine that cannot build Native AOT fails with what to run.</summary>
    public static InstalledTool Get()
    {
        if (RuntimeInformation.RuntimeIdentifier != NativeRid)
            Assert.Ignore($"the tool's Native AOT package is built for {NativeRid}; this is {RuntimeInformation.RuntimeIdentifier}");
        if (!OnPath("clang"))
            Assert.Fail("Native AOT needs clang (and zlib1g-dev) at build time, and there is no clang on PATH: run .ci/run's install step (`.ci/run install`)");
        return Built.Value;
    }

    public string Root { get; }
    public string Sources { get; }
    public string Feed { get; }
    public string Native { get; }
    public string Fallback { get; }
    public string Version { get; }
    /// <summary>The commit of this checkout, which the packed tool is told it was built from.</summary>
    public string Commit { get; }

    public string Command => Path.Combine(Native, "deployments");
    public string FallbackCommand => Path.Combine(Fallback, "deployments");

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>Runs a program with the given variables added to (or, when null, removed from) this process's environment.</summary>
    public static Result Run(string program, IEnumerable<string> args, string directory, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        // No terminal: stdin is an empty pipe, as in CI.
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) start.Environment.Remove(name); else start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {(timeout ?? TimeSpan.FromMinutes(2)).TotalMinutes} min");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static void Dotnet(string directory, string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = Run("dotnet", args, directory, environment, StepTimeout);
        result.ExitCode.ShouldBe(0, $"dotnet {string.Join(' ', args)} failed:\n{result.StdOut}\n{result.StdErr}");
    }

    // Tracked files plus new ones not ignored yet, as they are in the working tree: what the next commit packs.
    private static void CopyTrackedSources(string target)
    {
        var listed = Run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], RepoRoot.Dir);
        listed.ExitCode.ShouldBe(0, listed.StdErr);
        foreach (var file in listed.StdOut.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var from = Path.Combine(RepoRoot.Dir, file);
            if (!File.Exists(from)) continue; // deleted in the working tree
            var to = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(to, File.GetUnixFileMode(from));
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));

    [GeneratedRegex(@"<Version>(?<v>[^<]+)</Version>")]
    private static partial Regex VersionProperty();
}
