using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using FakePulumi;

// A fake `pulumi` for tests (https://www.pulumi.com/docs/iac/cli/commands/): real argv shapes, real JSON formats and error texts, a real
// file-backend lock, and the real compiler run the way the YAML host runs it. SIGINT cancels an update gracefully.
using var interrupted = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; interrupted.Cancel(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; interrupted.Cancel(); });
try
{
    var cli = CliArgs.Parse(args);
    Log(args);
    using var span = Span.Start(cli);
    CallLatency.Wait(cli);
    return Commands.Run(cli, Environment.CurrentDirectory, interrupted.Token);
}
catch (FakeError e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return e.ExitCode;
}

static void Log(string[] args)
{
    // Every invocation, one line, for tests that count calls.
    if (Environment.GetEnvironmentVariable("FAKE_PULUMI_LOG") is { Length: > 0 } log)
        Span.Append(log, string.Join(' ', args));
}

namespace FakePulumi
{
    public static class Commands
    {
        public static int Run(CliArgs cli, string directory, CancellationToken interrupted)
        {
            var words = string.Join(' ', cli.Words.Take(2));
            if (cli.Words.FirstOrDefault() is "config" or "preview" or "up" or "refresh" or "destroy") StackConfigFile.ConfigFile = cli.Value("--config-file");
            // FAKE_PULUMI_VERSION plays an older or newer CLI.
            if (cli.Words is ["version"]) { Console.WriteLine(CliVersion.Printed); return 0; }
            if (!File.Exists(Path.Combine(directory, "Pulumi.yaml"))) throw new FakeError($"no Pulumi.yaml project file found (searching upwards from {directory})");
            var project = CompilerHost.ProjectName(directory);
            var backend = Backend.FromEnvironment(project);
            var stack = cli.Value("--stack", "-s") is string given ? backend.Resolve(given) : null;
            string Stack() => stack ?? throw new FakeError("no stack selected; pass --stack", 6);
            void Require(string s) { if (!backend.Exists(s)) throw new FakeError($"no stack named '{s}' found", 6); }
            if (cli.Has("--event-log") && Environment.GetEnvironmentVariable("PULUMI_DEBUG_COMMANDS") != "true")
                throw new FakeError("unknown flag: --event-log", 2);
            if (cli.Words[0] is "up" or "destroy" && !cli.Has("--yes") && !cli.Has("--skip-preview"))
                throw new FakeError("--yes or --skip-preview or --preview-only must be passed in to proceed when running in non-interactive mode", 2);

            switch (words)
            {
                case "stack init":
                    var name = cli.Words.ElementAtOrDefault(2) is string word ? backend.Resolve(word) : Stack();
                    if (backend.Exists(name)) throw new FakeError($"stack '{backend.Qualified(name)}' already exists");
                    backend.Lock(name);
                    try { backend.Save(name, new JsonObject { ["resources"] = new JsonObject(), ["outputs"] = new JsonObject(), ["history"] = new JsonArray() }); }
                    finally { backend.Unlock(name); }
                    Console.WriteLine($"Created stack '{name}'");
                    return 0;
                case "whoami":
                    // https://www.pulumi.com/docs/iac/cli/commands/pulumi_whoami/: the user and their organizations on Cloud.
                    Console.WriteLine(Json.Print(backend.IsCloud
                        ? new JsonObject { ["user"] = "alice", ["organizations"] = new JsonArray("alice", backend.Organization), ["url"] = "https://app.pulumi.com/alice" }
                        : new JsonObject { ["user"] = Environment.UserName, ["organizations"] = new JsonArray(), ["url"] = backend.Url }));
                    return 0;
                case "stack ls":
                    // --tag NAME[=VALUE]: only the stacks with that tag (https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack_ls/).
                    Console.WriteLine(Json.Print(new JsonArray(backend.Stacks().Where(s => StackTags.Passes(backend, s, cli.Value("--tag", "-t"))).Select(s =>
                    {
                        var state = backend.Load(s);
                        var entry = new JsonObject { ["name"] = backend.Display(s), ["current"] = false };
                        if (state["lastUpdate"] is JsonNode last) entry["lastUpdate"] = last.DeepClone();
                        if (state["lastUpdate"] is not null) entry["resourceCount"] = (state["resources"] as JsonObject)?.Count ?? 0;
                        return (JsonNode)entry;
                    }).ToArray())));
                    return 0;
                case "stack rm":
                    Require(Stack());
                    if ((backend.Load(Stack())["resources"] as JsonObject)?.Count > 0)
                        throw new FakeError($"'{Stack()}' still has resources; removal rejected. Possible actions:\n- Make sure that '{Stack()}' is the stack that you want to destroy\n- Run `pulumi destroy` to delete the resources, then run `pulumi stack rm`\n- Run `pulumi stack rm --force` to override this error");
                    backend.Lock(Stack());
                    try { backend.Delete(Stack(), cli.Has("--remove-backups")); StackConfigFile.Delete(directory, Stack()); }
                    finally { backend.Unlock(Stack()); }
                    Console.WriteLine($"Stack '{Stack()}' has been removed!");
                    return 0;
                case "stack tag":
                    Require(Stack());
                    return StackTags.Run(backend, cli, Stack());
                case "stack output":
                    Require(Stack());
                    Console.WriteLine(Json.Print(backend.Load(Stack())["outputs"] ?? new JsonObject()));
                    return 0;
                case "stack history":
                    Require(Stack());
                    // --page-size 0 lists every entry, as the DIY backend's getHistory does (pageSize > 0 pages).
                    var size = int.TryParse(cli.Value("--page-size"), out var n) ? n : 10;
                    var entries = (backend.Load(Stack())["history"] as JsonArray) ?? [];
                    Console.WriteLine(Json.Print(new JsonArray(entries.Take(size > 0 ? size : entries.Count).Select(h => h!.DeepClone()).ToArray())));
                    return 0;
                case "config" when cli.Words.Count == 1:
                    Require(Stack());
                    var config = StackConfigFile.Read(directory, Stack());
                    var secret = StackConfigFile.SecretKeys(directory, Stack());
                    // A secret's value appears only with --show-secrets (https://www.pulumi.com/docs/iac/cli/commands/).
                    Console.WriteLine(Json.Print(new JsonObject(config.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)(secret.Contains(c.Key) && !cli.Has("--show-secrets")
                        ? new JsonObject { ["secret"] = true }
                        : new JsonObject { ["value"] = c.Value, ["secret"] = secret.Contains(c.Key) }))))));
                    return 0;
                case "config set-all":
                case "config rm-all":
                    Require(Stack());
                    var values = StackConfigFile.Read(directory, Stack());
                    var secrets = StackConfigFile.SecretKeys(directory, Stack());
                    if (words == "config set-all")
                    {
                        foreach (var pair in cli.Values("--plaintext")) { values[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..]; secrets.Remove(pair[..pair.IndexOf('=')]); }
                        foreach (var pair in cli.Values("--secret")) { values[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..]; secrets.Add(pair[..pair.IndexOf('=')]); }
                    }
                    else
                        foreach (var key in cli.Rest) { values.Remove(key); secrets.Remove(key); }
                    StackConfigFile.Write(directory, Stack(), values, secrets);
                    return 0;
                case "preview":
                    Require(Stack());
                    return new Engine(backend, directory, project, interrupted).Preview(Stack(), cli.Has("--json"));
                case "refresh":
                    Require(Stack());
                    return Refresh.Run(backend, directory, project, Stack(), cli);
                case "up":
                case "destroy":
                    if (words == "up") ConcurrentDestroy.MaybeRemove(backend, directory, Stack());
                    Require(Stack());
                    backend.Lock(Stack());
                    try
                    {
                        var engine = new Engine(backend, directory, project, interrupted);
                        return words == "up" ? engine.Up(Stack(), cli.Value("--event-log"), cli.Value("--message", "-m") ?? "") : engine.Destroy(Stack(), cli.Value("--event-log"));
                    }
                    finally { backend.Unlock(Stack()); }
                case "cancel":
                    Require(Stack());
                    backend.ClearLocks(Stack());
                    Console.WriteLine($"The currently running update for '{Stack()}' has been canceled!");
                    return 0;
                default:
                    throw new FakeError($"unknown command \"{words}\" for \"pulumi\"", 2);
            }
        }
    }
}
