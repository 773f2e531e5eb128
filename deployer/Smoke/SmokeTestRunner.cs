using System.Diagnostics;
using System.Globalization;
using Deployments.Deployer.GitHub;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Smoke;

/// <summary>
/// Runs the team's smoke-test command against a URL (<c>DEPLOYMENTS_URL</c>) and says whether it passed: exit code 0
/// within its timeout. Its output is printed as it comes, each line neutralised and, inside Actions, between
/// <c>::stop-commands::</c> and its random token (optionally folded in a <c>::group::</c>), so nothing it prints is
/// taken for a workflow command; its last lines are kept for the failure. On timeout and on cancellation its whole
/// process group gets SIGTERM, then SIGKILL after <see cref="KillGrace"/>. Cancellation then throws, as elsewhere.
/// URL in, pass/fail and a tail out: callable from any point of a release (after a rollout, or before traffic shifts).
/// </summary>
public sealed class SmokeTestRunner(IReadOnlyDictionary<string, string> environment, string workingDirectory, TextWriter log, IEnumerable<string>? secretVariables = null)
{
    public const int TailLines = 40;
    public static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(5);
    /// <summary>How long output still in the pipes is read after the group was killed (a process that left the group may hold them open).</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(5);

    private bool InActions => environment.GetValueOrDefault("GITHUB_ACTIONS") == "true";

    public async Task<SmokeTestResult> RunAsync(SmokeTestSettings test, Uri url, string stack, bool fold, CancellationToken ct, SmokeTestHeader? testHeader = null)
    {
        var clock = Stopwatch.StartNew();
        var program = Resolve(test.Command[0]);
        if (program is null)
            return new SmokeTestResult(false, $"its program '{test.Command[0]}' (smokeTest.command) was not found{(test.Command[0].Contains('/', StringComparison.Ordinal) ? $" in {workingDirectory}" : " on PATH")}", [], clock.Elapsed);
        log.WriteLine($"smoke tests of '{stack}': {string.Join(' ', test.Command)} against {url}{(testHeader is null ? "" : $" with the test header {testHeader.Name}")} (at most {test.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s)");
        var token = InActions ? WorkflowCommand.NewStopToken() : null;
        if (InActions && fold) log.WriteLine($"::group::Smoke tests of {stack}");
        if (token is not null) log.WriteLine($"::stop-commands::{token}");
        var tail = new Queue<string>();
        var gate = new object();
        void OnLine(string line)
        {
            lock (gate)
            {
                log.WriteLine($"  [smoke] {WorkflowCommand.Neutralize(line)}");
                tail.Enqueue(line);
                if (tail.Count > TailLines) tail.Dequeue();
            }
        }
        string outcome;
        bool passed;
        try
        {
            ProcessGroup group;
            try { group = ProcessGroup.Start(program, test.Command.Skip(1).ToList(), workingDirectory, SmokeTestEnvironment.Build(environment, url, stack, secretVariables ?? [], testHeader)); }
            catch (System.ComponentModel.Win32Exception e)
            {
                return new SmokeTestResult(false, $"its program '{test.Command[0]}' (smokeTest.command) could not start: {e.Message}", [], clock.Elapsed);
            }
            using (group)
            {
                var readers = Task.WhenAll(OutputLines.ReadAsync(group.Process.StandardOutput, OnLine), OutputLines.ReadAsync(group.Process.StandardError, OnLine));
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(test.TimeoutSeconds));
                using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
                var timedOut = false;
                try { await group.Process.WaitForExitAsync(either.Token); }
                catch (OperationCanceledException)
                {
                    timedOut = !ct.IsCancellationRequested;
                    await group.StopAsync(KillGrace);
                }
                // Whatever it left running (a server it started, a worker) goes with it, and its pipes close.
                group.Kill();
                await Task.WhenAny(readers, Task.Delay(DrainLimit, CancellationToken.None));
                ct.ThrowIfCancellationRequested();
                passed = !timedOut && group.Process.ExitCode == 0;
                outcome = timedOut ? $"timed out after {test.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s (smokeTest.timeoutSeconds) and was stopped"
                    : passed ? "passed" : $"exited with code {group.Process.ExitCode.ToString(CultureInfo.InvariantCulture)}";
            }
        }
        finally
        {
            if (token is not null) log.WriteLine($"::{token}::");
            if (InActions && fold) log.WriteLine("::endgroup::");
        }
        log.WriteLine($"smoke tests of '{stack}' {outcome} ({clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
        lock (gate) return new SmokeTestResult(passed, outcome, tail.ToList(), clock.Elapsed);
    }

    /// <summary>A bare name is looked up on the PATH the deployer was given; a path is taken relative to the working directory.</summary>
    private string? Resolve(string name)
    {
        if (!name.Contains('/', StringComparison.Ordinal) && !name.Contains('\\', StringComparison.Ordinal))
            return Pulumi.Executable.Find(name, environment.GetValueOrDefault("PATH"));
        var path = Path.GetFullPath(name, workingDirectory);
        return File.Exists(path) ? path : null;
    }
}
