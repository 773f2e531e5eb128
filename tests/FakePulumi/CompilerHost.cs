using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FakePulumi;

/// <summary>
/// Runs the project's compiler the way the Pulumi YAML host does (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go): the command from
/// Pulumi.yaml's <c>runtime.options.compiler</c>, split on spaces, exec'd without a shell from the project directory;
/// once without stack variables (package discovery) and once with PULUMI_STACK, PULUMI_CONFIG and friends.
/// </summary>
public static partial class CompilerHost
{
    // A key at the start of its line (after indentation): a comment mentioning "compiler:" is not the option.
    [GeneratedRegex(@"^[ \t]*compiler:[ \t]*(?<command>.+)$", RegexOptions.Multiline)]
    private static partial Regex Compiler();

    [GeneratedRegex(@"^name:\s*(?<name>\S+)", RegexOptions.Multiline)]
    private static partial Regex Name();

    public static string ProjectName(string directory) =>
        Name().Match(File.ReadAllText(Path.Combine(directory, "Pulumi.yaml"))).Groups["name"].Value;

    public static JsonObject Run(string directory, string stack, string organization, IReadOnlyDictionary<string, string> config)
    {
        Invoke(directory, null); // GetRequiredPackages: no stack variables, must still succeed
        var output = Invoke(directory, new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = stack,
            ["PULUMI_PROJECT"] = ProjectName(directory),
            ["PULUMI_ORGANIZATION"] = organization,
            ["PULUMI_ROOT_DIRECTORY"] = directory,
            ["PULUMI_CONFIG"] = new JsonObject(config.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))).ToJsonString(),
        });
        return JsonNode.Parse(output)!.AsObject();
    }

    private static string Invoke(string directory, Dictionary<string, string>? variables)
    {
        var command = Compiler().Match(File.ReadAllText(Path.Combine(directory, "Pulumi.yaml"))).Groups["command"].Value.Trim().Trim('"');
        var argv = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var program = argv[0].Contains('/', StringComparison.Ordinal) ? Path.GetFullPath(argv[0], directory) : argv[0];
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in argv.Skip(1)) start.ArgumentList.Add(arg);
        foreach (var name in new[] { "PULUMI_STACK", "PULUMI_CONFIG", "PULUMI_PROJECT", "PULUMI_ORGANIZATION" }) start.Environment.Remove(name);
        foreach (var (name, value) in variables ?? []) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var message = $"error running compiler {argv[0]}: exit status {process.ExitCode}, stderr follows: {stderr.Result}";
            throw new FakeError(variables is null ? $"failed to discover package requirements: {message}" : $"an unhandled error occurred: {message}");
        }
        return stdout.Result;
    }
}
