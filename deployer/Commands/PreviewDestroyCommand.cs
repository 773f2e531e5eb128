using System.CommandLine;
using Deployments.Deployer.Previews;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>deployer preview destroy</c>: destroy a branch's preview resources, then remove its stack. A preview that does
/// not exist is success, so a close event can always run it. Only the preview stack is touched, never its parent.
/// </summary>
public sealed class PreviewDestroyCommand : Command
{
    private readonly Option<string> _branch = CommonOptions.Branch(required: true);
    private readonly Option<string?> _headRepo = CommonOptions.HeadRepository();
    private readonly PulumiOptions _pulumi = new();

    public PreviewDestroyCommand(CommandContext context) : base("destroy", "Destroy a branch's preview and remove its stack (idempotent)")
    {
        Options.Add(_branch);
        Options.Add(_headRepo);
        _pulumi.AddTo(this);
        SetAction(async (result, ct) =>
        {
            // An operator's destroy: no owner check (a pull request's own close is checked in `github event`).
            var source = PreviewInputs.ValidateSource(result.GetValue(_branch)!, result.GetValue(_headRepo));
            var (workspace, _) = _pulumi.Open(result, context);
            var stack = PreviewNames.StackNameFor(source);
            var removed = await new PreviewRemover(workspace, context.Error).RemoveAsync(stack, ct);
            context.Out.WriteLine(removed ? $"destroyed {stack}" : $"nothing to destroy: {stack} does not exist");
            return ExitCodes.Success;
        });
    }
}
