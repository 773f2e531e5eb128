using System.CommandLine;
using Deployments.Deployer.Environments;
using Deployments.Deployer.GitHub;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>deployer env deploy ENV --image-tag T</c>: register → migrate → roll → verify. When verification fails the
/// environment is rolled back to the image of its previous successful update (the <c>rollback</c> path), and the
/// command still fails, saying what it did.
/// </summary>
public sealed class EnvDeployCommand : Command
{
    private readonly Argument<string> _environment = EnvironmentArgument.Create();
    private readonly Option<string?> _imageTag = CommonOptions.ImageTag(required: true);
    private readonly PulumiOptions _pulumi = new();
    private readonly ReleaseCommandOptions _release = new();

    public EnvDeployCommand(CommandContext context) : base("deploy", "Deploy an image to an environment: register, migrate, roll, verify")
    {
        Arguments.Add(_environment);
        Options.Add(_imageTag);
        _pulumi.AddTo(this);
        _release.AddTo(this);
        SetAction(async (result, ct) =>
        {
            var environment = EnvironmentArgument.Value(result, _environment);
            var tag = ImageTags.Validate(result.GetValue(_imageTag)!);
            var (workspace, _) = _pulumi.Open(result, context);
            var url = await new EnvironmentRelease(workspace, context.Error, _release.Steps(result, workspace, context), context.GetVariable) { Notifier = new(context.GetVariable, context.Error) { Approvals = new(context.GetVariable, context.Clock, context.Error) } }.ReleaseAsync(environment, tag, $"deploy {tag}", ct);
            new ActionsFiles(context.GetVariable).Deployed(environment, url);
            context.Out.WriteLine(url);
            return ExitCodes.Success;
        });
    }
}
