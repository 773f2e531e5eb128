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
    private readonly PulumiOptions _pulumi = new();

    public PreviewDestroyCommand(CommandContext context) : base("destroy", "Destroy a branch's preview and remove its stack (idempotent)")
    {
        Options.Add(_branch);
        _pulumi.AddTo(this);
        SetAction(async (result, ct) =>
        {
            var branch = PreviewInputs.ValidateBranch(result.GetValue(_branch)!);
            var (workspace, _) = _pulumi.Open(result, context);
            var stack = PreviewNames.StackNameFor(branch);
            var removed = await new PreviewRemover(workspace, context.Error).RemoveAsync(stack, ct);
            context.Out.WriteLine(removed ? $"destroyed {stack}" : $"nothing to destroy: {stack} does not exist");
            return ExitCodes.Success;
        });
    }
}
