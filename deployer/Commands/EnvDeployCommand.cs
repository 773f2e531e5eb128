using System.CommandLine;
using Deployments.Deployer.Environments;
using Deployments.Deployer.Errors;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Commands;

/// <summary><c>deployer env deploy ENV --image-tag T</c>: deploy an image to an environment.</summary>
public sealed class EnvDeployCommand : Command
{
    private readonly Argument<string> _environment = EnvironmentArgument.Create();
    private readonly Option<string?> _imageTag = CommonOptions.ImageTag(required: true);
    private readonly PulumiOptions _pulumi = new();

    public EnvDeployCommand(CommandContext context) : base("deploy", "Deploy an image to an environment")
    {
        Arguments.Add(_environment);
        Options.Add(_imageTag);
        _pulumi.AddTo(this);
        SetAction(async (result, ct) =>
        {
            var environment = result.GetValue(_environment)!;
            EnvironmentDeployer.ValidateName(environment);
            var tag = result.GetValue(_imageTag)!;
            if (!ConfigPatterns.ImageTag().IsMatch(tag)) throw new UserInputException($"--image-tag: '{tag}' is not allowed: {ConfigPatterns.ImageTagAllowed}");
            var (workspace, _) = _pulumi.Open(result, context);
            var (summary, url) = await new EnvironmentDeployer(workspace, context.Error).DeployAsync(environment, tag, $"deploy {tag}", ct);
            context.Error.WriteLine($"'{environment}' now runs {tag}: {summary.Describe()}");
            context.Out.WriteLine(url);
            return ExitCodes.Success;
        });
    }
}
