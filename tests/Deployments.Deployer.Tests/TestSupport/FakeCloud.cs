using System.Diagnostics;

namespace Deployments.Deployer.Tests.TestSupport;

/// <summary>
/// A throw-away world for end-to-end tests: a copy of the project (its Pulumi.yaml runs the repository's real
/// compiler), a file backend, and the fake <c>pulumi</c> first on PATH. Everything lives in one temp directory.
/// </summary>
public sealed class FakeCloud : IDisposable
{
    /// <summary><paramref name="projectName"/>: the name in Pulumi.yaml, and so the namespace of the stack files' keys.</summary>
    public FakeCloud(string projectName = "deployments")
    {
        ProjectName = projectName;
        Root = Directory.CreateTempSubdirectory("deployments-e2e-").FullName;
        Project = Path.Combine(Root, "project");
        State = Path.Combine(Root, "state");
        var bin = Path.Combine(Root, "bin");
        foreach (var dir in new[] { Project, State, bin }) Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(Project, "Pulumi.yaml"),
            $"name: {projectName}\nruntime:\n  name: yaml\n  options:\n    compiler: {Path.Combine(RepoRoot.Dir, "infra", "compile")}\n");
        foreach (var stack in new[] { "staging", "production" })
            File.WriteAllText(Path.Combine(Project, $"Pulumi.{stack}.yaml"),
                File.ReadAllText(Path.Combine(RepoRoot.Dir, $"Pulumi.{stack}.yaml")).Replace("  deployments:", $"  {projectName}:", StringComparison.Ordinal));
        var script = Path.Combine(bin, "pulumi");
        File.WriteAllText(script, $"#!/bin/sh\nexec {FakePulumiCommand} \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables()) Environment[(string)e.Key] = (string?)e.Value;
        foreach (var name in Environment.Keys.Where(k => k.StartsWith("PULUMI_", StringComparison.Ordinal) || k.StartsWith("FAKE_PULUMI", StringComparison.Ordinal)).ToList())
            Environment.Remove(name);
        Environment["PATH"] = bin + Path.PathSeparator + Environment.GetValueOrDefault("PATH");
        Environment["PULUMI_BACKEND_URL"] = "file://" + State;
        Environment["PULUMI_CONFIG_PASSPHRASE"] = "";
        Environment["FAKE_PULUMI_LOG"] = CallLog;
    }

    /// <summary>The fake compiled ahead of time when the build made it (the test project's PublishNativeFakePulumi), else
    /// its DLL through <c>dotnet</c>: the same program either way.</summary>
    private static string FakePulumiCommand =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, "fake-aot", "FakePulumi"))
            ? $"\"{Path.Combine(AppContext.BaseDirectory, "fake-aot", "FakePulumi")}\""
            : $"dotnet \"{Path.Combine(AppContext.BaseDirectory, "FakePulumi.dll")}\"";

    public string ProjectName { get; }
    public string Root { get; }
    public string Project { get; }
    public string State { get; }
    public string CallLog => Path.Combine(Root, "pulumi-calls.log");
    public Dictionary<string, string?> Environment { get; }

    public IReadOnlyList<string> Calls => File.Exists(CallLog) ? File.ReadAllLines(CallLog) : [];

    /// <summary>Plays Pulumi Cloud's stack names (<c>org/project/stack</c>) and organization instead of a DIY backend's.</summary>
    public FakeCloud AsPulumiCloud(string organization)
    {
        Environment["FAKE_PULUMI_BACKEND"] = "cloud";
        Environment["FAKE_PULUMI_ORGANIZATION"] = organization;
        return this;
    }

    /// <summary>The stack's state as the fake keeps it: resources by logical name, outputs, history.</summary>
    public System.Text.Json.Nodes.JsonObject StackState(string stack) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(State, ".pulumi", "stacks", ProjectName, stack + ".json")))!.AsObject();

    public string LockDirectory(string stack) => Path.Combine(State, ".pulumi", "locks", "organization", ProjectName, stack);

    public DeployerRun.Result Deployer(params string[] args) => DeployerRun.Run(Environment, WithProject(args));

    public Task<DeployerRun.Result> DeployerAsync(CancellationToken ct, params string[] args) =>
        DeployerRun.RunAsync(Environment, WithProject(args), ct);

    // --project-dir goes before a "--", after which everything is an argument of the command.
    private string[] WithProject(string[] args)
    {
        var separator = Array.IndexOf(args, "--");
        return separator < 0 ? [.. args, "--project-dir", Project] : [.. args[..separator], "--project-dir", Project, .. args[separator..]];
    }

    /// <summary>Runs the fake CLI directly, as an operator would run pulumi (e.g. <c>stack init staging</c>).</summary>
    public (int Code, string Out, string Err) Pulumi(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(Root, "bin", "pulumi")) { WorkingDirectory = Project, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Clear();
        foreach (var (k, v) in Environment) if (v is not null) start.Environment[k] = v;
        using var p = Process.Start(start)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit(TimeSpan.FromMinutes(2)).ShouldBeTrue("fake pulumi did not finish");
        return (p.ExitCode, o.Result, e.Result);
    }

    /// <summary>The parent environment: created once by the operator, then deployed.</summary>
    public void DeployStaging(string imageTag = "1.0.0")
    {
        Pulumi("stack", "init", "staging", "--non-interactive").Code.ShouldBe(0);
        var result = Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", imageTag);
        result.ExitCode.ShouldBe(0, result.StdErr);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    /// <summary>Points the deployer at <paramref name="aws"/> (the fake ECS, Logs and ECR on 127.0.0.1) with its test credentials.</summary>
    public Aws.FakeAwsServer UseAws(Aws.FakeAwsServer aws)
    {
        foreach (var (name, value) in aws.ClientVariables) Environment[name] = value;
        return aws;
    }
}
