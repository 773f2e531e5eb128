using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Deployments.Deployer.Pulumi;

/// <summary>
/// Runs the <c>pulumi</c> executable found on the environment's PATH, in the project directory. The environment is
/// <paramref name="environment"/> plus <paramref name="overrides"/>, minus the variables the YAML host injects for
/// the compiler: ambient ones would win over the host's (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go). On cancellation pulumi gets SIGINT — it
/// then stops its update gracefully and releases its lock — and is waited for; only after the grace period is it killed.
/// </summary>
public sealed partial class PulumiProcess(string workingDirectory, IReadOnlyDictionary<string, string> environment,
    IReadOnlyDictionary<string, string?> overrides, TimeSpan gracePeriod) : IPulumiCli
{
    private static readonly string[] HostVariables = ["PULUMI_CONFIG", "PULUMI_PROJECT", "PULUMI_ORGANIZATION", "PULUMI_STACK", "PULUMI_ROOT_DIRECTORY"];

    public Task<CommandResult> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        RunAsync(args, new Dictionary<string, string?>(), cancellationToken);

    public async Task<CommandResult> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> callEnvironment, CancellationToken cancellationToken)
    {
        var path = environment.GetValueOrDefault("PATH");
        var pulumi = Executable.Find("pulumi", path) ?? throw PulumiVersion.NotFound();
        // In its own session, pulumi does not also get the terminal's Ctrl-C: a second SIGINT (ours) would make it
        // abort instead of cancelling cleanly. setsid execs in place, so the PID we signal is pulumi's.
        var setsid = OperatingSystem.IsWindows() ? null : Executable.Find("setsid", path);
        var start = new ProcessStartInfo(setsid ?? pulumi)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (setsid is not null) start.ArgumentList.Add(pulumi);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Clear();
        foreach (var (name, value) in environment) start.Environment[name] = value;
        foreach (var name in HostVariables) start.Environment.Remove(name);
        foreach (var (name, value) in overrides.Concat(callEnvironment))
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new Errors.ToolMissingException($"cannot run '{pulumi}' ({e.Message}); {PulumiVersion.InstallAdvice}");
        }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using (cancellationToken.Register(() => Interrupt(process)))
            {
                await process.WaitForExitAsync(CancellationToken.None);
            }
            return new CommandResult(args, process.ExitCode, await stdout, await stderr, clock.Elapsed);
        }
    }

    private void Interrupt(Process process)
    {
        try
        {
            if (process.HasExited) return;
            if (OperatingSystem.IsWindows()) process.Kill(entireProcessTree: true);
            else _ = SendSignal(process.Id, SigInt);
            // Give pulumi its grace period to cancel the update and unlock the stack; then stop it for good.
            _ = Task.Delay(gracePeriod).ContinueWith(_ => { try { if (!process.HasExited) process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }, TaskScheduler.Default);
        }
        catch (InvalidOperationException) { }
    }

    private const int SigInt = 2;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
