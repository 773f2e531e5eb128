using System.Diagnostics;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>
/// Runs one of the action's scripts (action/*.sh) as the runner does — bash, with the step's INPUT_* variables and
/// the runner's RUNNER_TEMP, RUNNER_TOOL_CACHE, GITHUB_PATH and GITHUB_OUTPUT files — in a scratch directory, with
/// <c>bin/</c> of that directory first on PATH (where a test puts its fake <c>deployments</c>).
/// </summary>
public sealed class ActionScript : IDisposable
{
    public ActionScript()
    {
        Root = Path.Combine(Path.GetTempPath(), $"action-{Guid.NewGuid():N}");
        foreach (var dir in new[] { Bin, Workspace, Home, Path.Combine(Root, "temp"), Path.Combine(Root, "toolcache") }) Directory.CreateDirectory(dir);
        File.WriteAllText(GitHubPath, "");
        File.WriteAllText(GitHubOutput, "");
    }

    public string Root { get; }
    public string Bin => Path.Combine(Root, "bin");
    public string Workspace => Path.Combine(Root, "workspace");
    public string Home => Path.Combine(Root, "home");
    public string GitHubPath => Path.Combine(Root, "github_path");
    public string GitHubOutput => Path.Combine(Root, "github_output");

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>An executable script in <see cref="Bin"/>.</summary>
    public void AddExecutable(string name, string script)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, script.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public Result Run(string script, IReadOnlyDictionary<string, string> inputs, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Workspace, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepoRoot.File("action", script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PATH"] = $"{Bin}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["HOME"] = Home;
        start.Environment["RUNNER_TEMP"] = Path.Combine(Root, "temp");
        start.Environment["RUNNER_TOOL_CACHE"] = Path.Combine(Root, "toolcache");
        start.Environment["GITHUB_PATH"] = GitHubPath;
        start.Environment["GITHUB_OUTPUT"] = GitHubOutput;
        start.Environment["GITHUB_ACTION_PATH"] = RepoRoot.Dir;
        foreach (var (name, value) in inputs) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) { process.Kill(true); throw new TimeoutException($"{script} timed out"); }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
