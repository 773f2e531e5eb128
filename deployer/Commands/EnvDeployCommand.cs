using System.CommandLine;
using Deployments.Deployer.Environments;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Verification;

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
            var environment = result.GetValue(_environment)!;
            EnvironmentDeployer.ValidateName(environment);
            var tag = ImageTags.Validate(result.GetValue(_imageTag)!);
            var (workspace, _) = _pulumi.Open(result, context);
            var steps = _release.Steps(result, workspace, context);
            var deployer = new EnvironmentDeployer(workspace, context.Error, steps);
            try
            {
                var (summary, url) = await deployer.DeployAsync(environment, tag, $"deploy {tag}", ct);
                context.Error.WriteLine($"'{environment}' now runs {tag}: {summary.Describe()}");
                if (steps is not null) await steps.PruneRevisionsAsync(environment, ct);
                context.Out.WriteLine(url);
                return ExitCodes.Success;
            }
            catch (VerificationFailedException failed)
            {
                context.Error.WriteLine($"error: {failed.Message}");
                var (target, reason) = RollbackTarget.Choose(await workspace.NumberedHistoryAsync(environment, 50, ct), null, null);
                context.Error.WriteLine($"rolling '{environment}' back automatically to {target} ({reason})");
                // The rollback is not verified again: it returns to an image that was healthy, and a second failure must not loop.
                await new EnvironmentDeployer(workspace, context.Error, null).DeployAsync(environment, target, $"automatic rollback to {target} after failed verification of {tag}", ct);
                throw new DeploymentFailedException($"the deployment of {tag} to '{environment}' failed verification and was rolled back to {target}. {RollbackCommand.MigrationWarning}");
            }
        });
    }
}
