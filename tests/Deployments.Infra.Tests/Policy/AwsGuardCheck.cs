using System.Text.Json;
using System.Text.Json.Nodes;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Policy;

/// <summary>
/// Runs <c>tests/awsguard/check.js</c> — every resource policy of Pulumi's AWS policy pack (<c>@pulumi/awsguard</c>,
/// pinned in <c>tests/awsguard/package-lock.json</c>) over every resource of the given templates — with Node, the
/// way the schema check runs tsc. The script is copied next to the installed packages on every run.
/// </summary>
public static class AwsGuardCheck
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<string> Installed = new(() => NpmProject.Install("awsguard", "awsguard"));

    public static AwsGuardResult Run(IEnumerable<string> disabled, params (string Name, string TemplateJson)[] templates)
    {
        var root = Installed.Value;
        var work = Path.Combine(root, "checks", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var input = new JsonObject
            {
                ["templates"] = new JsonObject(templates.Select(t => KeyValuePair.Create(t.Name, JsonNode.Parse(t.TemplateJson)))),
                ["disabled"] = new JsonArray(disabled.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
            };
            File.WriteAllText(Path.Combine(work, "input.json"), input.ToJsonString());
            File.Copy(RepoRoot.File("tests", "awsguard", "check.js"), Path.Combine(work, "check.js"), overwrite: true);
            var (code, stdout, stderr) = NpmProject.Exec(work, CheckTimeout, "node", "check.js", "input.json");
            if (code != 0) throw new InvalidOperationException($"the AWSGuard check failed ({code}):\n{stderr}");
            var output = JsonNode.Parse(stdout)!;
            return new AwsGuardResult(
                output["violations"]!.Deserialize<List<AwsGuardViolation>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!,
                output["checked"]!.AsArray().Select(c => c!.GetValue<string>()).ToList(),
                output["notRun"]!.AsArray().Select(n => n!["key"]!.GetValue<string>()).ToList());
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("KEEP_AWSGUARD_CHECK") is null) Directory.Delete(work, recursive: true);
        }
    }
}
