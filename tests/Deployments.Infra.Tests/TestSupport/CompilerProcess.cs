using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Deployments.Infra.Tests.TestSupport;

/// <summary>
/// Runs the compiler exactly as the Pulumi YAML host does (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go): the command from Pulumi.yaml's
/// <c>runtime.options.compiler</c>, split shell-like, started without a shell from the directory holding
/// Pulumi.yaml, with the host's variables added to the environment. stdout and stderr are kept apart.
/// </summary>
public static class CompilerProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static string CompilerCommand()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepoRoot.File("Pulumi.yaml"))) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var runtime = (YamlMappingNode)root["runtime"];
        ((YamlScalarNode)runtime["name"]).Value.ShouldBe("yaml");
        return ((YamlScalarNode)((YamlMappingNode)runtime["options"])["compiler"]).Value!;
    }

    public static Result Run(IReadOnlyDictionary<string, string?> environment, params string[] extraArgs)
    {
        var argv = CompilerCommand().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Go's os/exec resolves a relative program path containing '/' against cmd.Dir (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go); .NET would
        // resolve it against the test's own directory, so do what Go does.
        var program = argv[0].Contains('/', StringComparison.Ordinal) ? Path.GetFullPath(argv[0], RepoRoot.Dir) : argv[0];
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepoRoot.Dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in argv.Skip(1).Concat(extraArgs)) start.ArgumentList.Add(arg);
        // Ambient variables of the test run must not leak in (the host's own come after them, https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go).
        foreach (var name in new[] { "PULUMI_STACK", "PULUMI_CONFIG", "PULUMI_PROJECT", "PULUMI_ORGANIZATION", "PULUMI_ROOT_DIRECTORY" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the compiler did not finish within 5 minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The variables the host passes in the Run call (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go).</summary>
    public static Dictionary<string, string?> RunEnvironment(string stack, string configJson) => new()
    {
        ["PULUMI_STACK"] = stack,
        ["PULUMI_PROJECT"] = "deployments",
        ["PULUMI_ORGANIZATION"] = "organization",
        ["PULUMI_CONFIG"] = configJson,
        ["PULUMI_ROOT_DIRECTORY"] = RepoRoot.Dir,
    };
}
