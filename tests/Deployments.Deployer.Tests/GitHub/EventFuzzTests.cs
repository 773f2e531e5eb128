using System.Text.Json;
using System.Text.Json.Nodes;
using Deployments.Deployer.Commands;
using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary>
/// Property test: real payloads with one field mutated (deterministic seed, bounded count, in-process). Whatever the
/// mutation, the run ends with a documented exit code, no stack trace, the field named when refused, stdout one JSON
/// document when it succeeds, and — run for real with a recording pulumi — no pulumi call at all when refused.
/// </summary>
public class EventFuzzTests
{
    private const int Cases = 400;

    private static readonly (string Event, string File)[] Sources =
    [
        ("pull_request", "pull_request.opened.payload"), ("pull_request", "pull_request.closed.payload"),
        ("pull_request", "pull_request.synchronize.payload"), ("pull_request", "pull_request.labeled.payload"),
        ("pull_request", "pull_request.unlabeled.payload"), ("push", "push.payload"), ("delete", "delete.payload"),
    ];

    private static readonly string[] Fields =
    [
        "action", "number", "pull_request.head.ref", "pull_request.head.sha", "pull_request.head.repo", "pull_request.head.repo.full_name",
        "pull_request.base.repo.full_name", "pull_request.draft", "pull_request.merged", "pull_request.labels", "label", "label.name",
        "ref", "ref_type", "deleted", "pull_request", "pull_request.head",
    ];

    private static readonly Func<Random, JsonNode?>[] Values =
    [
        _ => null, _ => JsonValue.Create(""), _ => JsonValue.Create("   "), _ => JsonValue.Create("a\nb"), _ => JsonValue.Create("x\u0000y"),
        _ => JsonValue.Create(-1), _ => JsonValue.Create(0), _ => JsonValue.Create(1e300), _ => JsonValue.Create(long.MaxValue), _ => JsonValue.Create(true),
        _ => new JsonObject(), _ => new JsonArray(), _ => new JsonArray(JsonValue.Create(1)), r => JsonValue.Create(new string('a', r.Next(1000, 5000))),
        _ => JsonValue.Create("refs/heads/"), _ => JsonValue.Create("refs/heads/ok\n"), _ => JsonValue.Create("🚀/\ud800"), _ => JsonValue.Create("@octocat [x](https://e.example)"),
        _ => JsonValue.Create("opened"), _ => JsonValue.Create("closed"), _ => JsonValue.Create("branch"), _ => JsonValue.Create("main\n"),
    ];

    /// <summary>Answers every call successfully and records it: the process boundary, nothing of ours faked.</summary>
    private sealed class RecordingCli : IPulumiCli
    {
        public List<string> Calls { get; } = [];

        public Task<CommandResult> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
            RunAsync(args, new Dictionary<string, string?>(), cancellationToken);

        public Task<CommandResult> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
        {
            lock (Calls) Calls.Add(string.Join(' ', args));
            return Task.FromResult(new CommandResult(args, 1, "", "error: recorded only", TimeSpan.Zero));
        }
    }

    private static (int Code, string Out, string Err) Run(string[] args, IPulumiCli? cli = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CommandContext(stdout, stderr, new Dictionary<string, string>()) { Cli = cli };
        var code = DeployerApp.RunAsync(args, context).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode? current = root;
        foreach (var part in parts[..^1]) current = current is JsonObject o ? o[part] : null;
        if (current is not JsonObject parent) return;
        if (value is JsonValue v && v.TryGetValue<string>(out var s) && s == "__delete__") parent.Remove(parts[^1]);
        else parent[parts[^1]] = value;
    }

    [Test]
    public void Mutated_payloads_end_in_a_documented_way()
    {
        var random = new Random(20261201);
        var seen = new Dictionary<int, int>();
        for (var i = 0; i < Cases; i++)
        {
            // Arrange: one real payload, one field changed (or removed).
            var (eventName, file) = Sources[random.Next(Sources.Length)];
            var payload = Payloads.Load(file);
            var field = Fields[random.Next(Fields.Length)];
            var value = random.Next(8) == 0 ? JsonValue.Create("__delete__") : Values[random.Next(Values.Length)](random);
            Set(payload, field, value);
            var path = Payloads.Raw(payload.ToJsonString());
            var what = $"case {i}: {file} with {field} = {value?.ToJsonString() ?? "null"}";
            try
            {
                // Act
                var (code, stdout, stderr) = Run(["github", "event", "--event-name", eventName, "--event-path", path, "--dry-run", "--json"]);

                // Assert
                seen[code] = seen.GetValueOrDefault(code) + 1;
                code.ShouldBeOneOf([ExitCodes.Success, ExitCodes.UserError], $"{what}\n{stderr}");
                stderr.ShouldNotContain("   at ", customMessage: what);
                stderr.ShouldNotContain("Exception", customMessage: what);
                if (code == ExitCodes.Success)
                {
                    using var document = JsonDocument.Parse(stdout); // exactly one JSON document
                    continue;
                }
                stdout.ShouldBeEmpty(what);
                stderr.ShouldContain("event payload", customMessage: what);
                // Refused for real (no --dry-run): pulumi is never called.
                var cli = new RecordingCli();
                var real = Run(["github", "event", "--event-name", eventName, "--event-path", path], cli);
                real.Code.ShouldBe(ExitCodes.UserError, what);
                cli.Calls.ShouldBeEmpty(what);
            }
            finally
            {
                File.Delete(path);
            }
        }
        // The mutations reach both outcomes; a generator that only produced one would test little.
        seen.Keys.Order().ShouldBe([ExitCodes.Success, ExitCodes.UserError]);
    }
}
