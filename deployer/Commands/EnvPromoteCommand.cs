using System.CommandLine;
using Deployments.Deployer.Environments;
using Deployments.Deployer.Errors;
using Deployments.Deployer.GitHub;
using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>deployer env promote FROM TO</c>: deploy to TO the exact image FROM runs — by digest, copied into TO's repository
/// when it has its own, never rebuilt — then TO's normal release (migration, verification, rollback on failure).
/// </summary>
public sealed class EnvPromoteCommand : Command
{
    private readonly Argument<string> _from = new("from") { Description = "Environment whose running image to promote (e.g. staging)" };
    private readonly Argument<string> _to = new("to") { Description = "Environment to deploy it to (e.g. production)" };
    private readonly Option<string?> _expect = new("--expect-image-tag") { Description = "Refuse unless FROM runs this tag (CI: the tag built from the commit being released)" };
    private readonly PulumiOptions _pulumi = new();
    private readonly ReleaseCommandOptions _release = new();

    public EnvPromoteCommand(CommandContext context) : base("promote", "Deploy to TO the exact image FROM runs (by digest, no rebuild): migrate, roll, verify")
    {
        Arguments.Add(_from);
        Arguments.Add(_to);
        Options.Add(_expect);
        _pulumi.AddTo(this);
        _release.AddTo(this);
        SetAction(async (result, ct) =>
        {
            var from = StackArgument.Environment("FROM", result.GetValue(_from)!).ToString();
            var to = StackArgument.Environment("TO", result.GetValue(_to)!).ToString();
            var expected = result.GetValue(_expect) is string e ? ImageTags.Validate(e, "--expect-image-tag") : null;
            if (StackNames.Same(from, to)) throw new UserInputException($"FROM and TO are both '{to}': promote from one environment to another");
            var (workspace, _) = _pulumi.Open(result, context);
            var checks = new EnvironmentDeployer(workspace, context.Error, null);
            await checks.RequireStackAsync(from, ct);
            await checks.RequireStackAsync(to, ct);
            var promotion = await new EnvironmentPromoter(workspace, context.Environment, context.Clock, context.Error).PrepareAsync(from, to, expected, ct);
            var url = await new EnvironmentRelease(workspace, context.Error, _release.Steps(result, workspace, context), context.GetVariable) { Notifier = new(context.GetVariable, context.Error) { Approvals = new(context.GetVariable, context.Clock, context.Error) } }
                .ReleaseAsync(to, promotion.Tag, $"promote {promotion.Tag} ({promotion.Digest}) from {from}", ct);
            new ActionsFiles(context.GetVariable).Deployed(to, url);
            context.Out.WriteLine(url);
            return ExitCodes.Success;
        });
    }
}
