using System.CommandLine;
using System.Text.Json.Nodes;
using Deployments.Deployer.Aws;
using Deployments.Deployer.Previews;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>deployer preview wake --branch B [--head-repo R] [--pr N]</c>: start a scheduled preview's tasks now, until the
/// schedule's next stop. With <c>--pr</c> (the <c>preview:wake</c> label's event) only that pull request's own preview.
/// </summary>
public sealed class PreviewWakeCommand : Command
{
    private readonly Option<string> _branch = CommonOptions.Branch(required: true);
    private readonly Option<string?> _headRepo = CommonOptions.HeadRepository();
    private readonly Option<int?> _pr = new("--pr") { Description = "Pull request asking (it may wake only the preview it owns)" };
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly PulumiOptions _pulumi = new();

    public PreviewWakeCommand(CommandContext context) : base("wake", "Scale a scheduled preview back up now, until its next scheduled stop")
    {
        Options.Add(_branch);
        Options.Add(_headRepo);
        Options.Add(_pr);
        Options.Add(_json);
        _pulumi.AddTo(this);
        SetAction(async (result, ct) =>
        {
            var source = PreviewInputs.ValidateSource(result.GetValue(_branch)!, result.GetValue(_headRepo));
            var pr = result.GetValue(_pr);
            if (pr is <= 0) throw new Errors.UserInputException($"--pr: '{pr}' is not allowed: a pull request number (1 or more)");
            var (workspace, _) = _pulumi.Open(result, context);
            var stack = PreviewNames.StackNameFor(source);
            var woken = await RunAsync(context, workspace, stack, pr, source.HeadRepository, ct);
            if (!woken.Woken) context.Error.WriteLine($"preview '{stack}' has no schedule: it runs around the clock, nothing to wake");
            context.Out.WriteLine(result.GetValue(_json)
                ? new JsonObject { ["stack"] = woken.Stack, ["woken"] = woken.Woken, ["tasks"] = woken.Tasks, ["schedule"] = woken.Schedule }.ToJsonString()
                : woken.Describe());
            return ExitCodes.Success;
        });
    }

    /// <summary>Wakes <paramref name="stack"/> with AWS clients for its region (the one its outputs name); shared with <c>github event</c>.</summary>
    public static async Task<WakeResult> RunAsync(CommandContext context, Pulumi.PulumiWorkspace workspace, string stack, int? pullRequest, string? headRepository, CancellationToken ct)
    {
        var clients = new List<AwsClients>();
        try
        {
            return await new PreviewWaker(workspace, region =>
            {
                var aws = new AwsClients(AwsSettings.Resolve(context.Environment, region), context.Clock);
                clients.Add(aws);
                return aws.Scaling;
            }, context.Error).WakeAsync(stack, pullRequest, headRepository, ct);
        }
        finally
        {
            foreach (var aws in clients) aws.Dispose();
        }
    }
}
