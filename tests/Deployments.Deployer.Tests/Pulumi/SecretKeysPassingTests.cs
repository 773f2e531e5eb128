using Deployments.Deployer.Pulumi;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.Pulumi;

/// <summary>
/// The YAML host does not tell the compiler which config values are secret, so the deployer passes
/// PULUMI_CONFIG_SECRET_KEYS to <c>up</c>, from the stack's <c>config --json</c> it already reads (no extra call).
/// </summary>
public class SecretKeysPassingTests
{
    /// <summary>A recording stand-in for the process: the seam at the process boundary.</summary>
    private sealed class RecordingCli(string configJson) : IPulumiCli
    {
        public List<(IReadOnlyList<string> Args, IReadOnlyDictionary<string, string?> Environment)> Calls { get; } = [];

        public Task<CommandResult> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
            RunAsync(args, new Dictionary<string, string?>(), cancellationToken);

        public Task<CommandResult> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
        {
            Calls.Add((args, environment));
            return Task.FromResult(new CommandResult(args, 0, args[0] switch { "config" => configJson, "version" => "v3.230.0\n", _ => "" }, "", TimeSpan.Zero));
        }
    }

    private static PulumiWorkspace Workspace(IPulumiCli cli) => new(cli, Infra.Config.PulumiProject.Default, TextWriter.Null, new VirtualClock(), new LockPolicy(TimeSpan.Zero, null));

    [Test]
    public async Task Up_gets_the_secret_keys_of_the_stacks_config()
    {
        var cli = new RecordingCli("""{"deployments:env":{"secret":true},"deployments:imageTag":{"value":"1.0","secret":false},"aws:region":{"value":"eu-west-1","secret":false}}""");
        var workspace = Workspace(cli);

        await workspace.GetConfigAsync("staging", CancellationToken.None);
        await workspace.UpAsync("staging", "deploy", CancellationToken.None);

        var up = cli.Calls.Single(c => c.Args[0] == "up");
        up.Environment[PulumiWorkspace.SecretKeysVariable].ShouldBe("""["deployments:env"]""");
        // version (once per run), config, up: the keys cost no call of their own.
        cli.Calls.Select(c => c.Args[0]).ShouldBe(["version", "config", "up"]);
    }

    [Test]
    public async Task No_secret_keys_replace_an_ambient_list_with_an_empty_one()
    {
        var cli = new RecordingCli("""{"aws:region":{"value":"eu-west-1","secret":false}}""");
        var workspace = Workspace(cli);

        await workspace.GetConfigAsync("preview-x", CancellationToken.None);
        await workspace.UpAsync("preview-x", "deploy", CancellationToken.None);

        cli.Calls.Single(c => c.Args[0] == "up").Environment[PulumiWorkspace.SecretKeysVariable].ShouldBe("[]");
    }
}
