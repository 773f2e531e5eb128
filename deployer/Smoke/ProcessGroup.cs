using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Deployments.Deployer.Smoke;

/// <summary>
/// A child started in a session of its own (<c>setsid</c>, which execs in place: its PID is the group's ID), so that it
/// and everything it starts can be signalled at once — a test runner's workers and a server it forked included — on
/// timeout, on Ctrl-C, and once it has exited (leftovers). Without setsid (Windows) the process tree is killed.
/// </summary>
public sealed partial class ProcessGroup : IDisposable
{
    private const int SigTerm = 15, SigKill = 9;
    private readonly bool _ownGroup;

    private ProcessGroup(Process process, bool ownGroup)
    {
        Process = process;
        _ownGroup = ownGroup;
    }

    public Process Process { get; }

    public static ProcessGroup Start(string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var setsid = OperatingSystem.IsWindows() ? null : Pulumi.Executable.Find("setsid", environment.GetValueOrDefault("PATH"))
            ?? Pulumi.Executable.Find("setsid", "/usr/bin:/bin");
        var start = new ProcessStartInfo(setsid ?? program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        if (setsid is not null) start.ArgumentList.Add(program);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Clear();
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return new ProcessGroup(process, setsid is not null);
    }

    /// <summary>SIGTERM to the whole group, up to <paramref name="grace"/> for the child to exit, then SIGKILL to what is left.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        Signal(SigTerm);
        using var wait = new CancellationTokenSource(grace);
        try { await Process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { }
        Kill();
    }

    /// <summary>SIGKILL to the group (or the tree), whether or not the child itself is still running.</summary>
    public void Kill()
    {
        Signal(SigKill);
        try { if (!Process.HasExited) Process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
    }

    private void Signal(int signal)
    {
        if (_ownGroup) _ = SendSignal(-Process.Id, signal); // a negative PID names the process group (kill(2))
        else if (signal == SigKill) { try { Process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    public void Dispose() => Process.Dispose();
}
