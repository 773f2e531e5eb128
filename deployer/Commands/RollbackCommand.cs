using System.CommandLine;
using Deployments.Deployer.Aws;
using Deployments.Deployer.Environments;
using Deployments.Deployer.Errors;
using Deployments.Deployer.GitHub;
using Deployments.Deployer.Pulumi;
using Deployments.Deployer.Verification;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>deployer rollback ENV [--to VERSION | --revision N | --image-tag T]</c>: redeploy the image of an earlier successful update,
/// found in the stack's history. Database migrations are not rolled back, and the command says so.
/// </summary>
public sealed class RollbackCommand : Command
{
    public const string MigrationWarning = "note: database migrations are not rolled back; the schema stays as the newer image left it. If the older image needs the older schema, run its down-migration yourself.";

    private readonly Argument<string> _environment = EnvironmentArgument.Create();
    private readonly Option<int?> _to = new("--to") { Description = "Update number whose image to redeploy (deployments status; on file/S3 backends, which record none, history entries counted from the oldest, 1)" };
    private readonly Option<int?> _revision = new("--revision") { Description = "Task-definition revision number of the app (as the ECS console shows it) whose image to redeploy" };
    private readonly Option<string?> _imageTag = CommonOptions.ImageTag(required: false);
    private readonly PulumiOptions _pulumi = new();
    private readonly ReleaseCommandOptions _release = new();

    public RollbackCommand(CommandContext context) : base("rollback", "Redeploy the image of the previous successful update (or of --to VERSION)")
    {
        Arguments.Add(_environment);
        Options.Add(_to);
        Options.Add(_revision);
        Options.Add(_imageTag);
        _pulumi.AddTo(this);
        _release.AddTo(this);
        SetAction(async (result, ct) =>
        {
            var environment = EnvironmentArgument.Value(result, _environment);
            var to = result.GetValue(_to);
            var tag = result.GetValue(_imageTag);
            var revision = result.GetValue(_revision);
            if (new object?[] { to, revision, tag }.Count(o => o is not null) > 1)
                throw new UserInputException("pass at most one of --to VERSION, --revision N and --image-tag TAG");
            if (revision is < 1) throw new UserInputException($"--revision: {revision} is not allowed: a task-definition revision number, 1 or more");
            if (tag is not null) ImageTags.Validate(tag);
            var (workspace, _) = _pulumi.Open(result, context);
            // A rollback returns to an image that ran before: no migration (they are not rolled back); verified unless --no-verify.
            var steps = _release.Steps(result, workspace, context);
            var deployer = new EnvironmentDeployer(workspace, context.Error, null);
            await deployer.RequireStackAsync(environment, ct);
            string? reasonForRevision = null;
            if (revision is int n)
            {
                var outputs = new StackOutputs(environment, await workspace.OutputsAsync(environment, ct), "--revision");
                var family = outputs.List(OutputNames.TaskDefinitionFamilies)[0];
                using var aws = new AwsClients(AwsSettings.Resolve(context.Environment, outputs.Text(OutputNames.Region)), context.Clock);
                tag = await RevisionImage.TagAsync(aws.Ecs, family, n, outputs.Text(OutputNames.RepositoryUrl), ct);
                reasonForRevision = $"the image of task definition {family}:{n}";
            }
            var (target, reason) = RollbackTarget.Choose(await workspace.NumberedHistoryAsync(environment, 50, ct), workspace.Project, to, tag);
            reason = reasonForRevision ?? reason;
            context.Error.WriteLine($"rolling '{environment}' back to {target} ({reason})");
            var (summary, url, _) = await deployer.DeployAsync(environment, target, $"rollback to {target}: {reason}", ct);
            if (steps is not null && await steps.VerifyAsync(environment, ct) is { Succeeded: false } verified)
                throw new VerificationFailedException(environment, verified);
            context.Error.WriteLine($"'{environment}' now runs {target}: {summary.Describe()}");
            context.Error.WriteLine(MigrationWarning);
            new ActionsFiles(context.GetVariable).Deployed(environment, url);
            context.Out.WriteLine(url);
            return ExitCodes.Success;
        });
    }
}
