using Deployments.Infra.Naming;
using Deployments.Infra.Template;
using static Deployments.Infra.Stacks.Environment.PolicyStatements;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// What reading one environment's state on a DIY (S3) backend takes, and no more: list the bucket under
/// <c>.pulumi/</c>, get the backend's <c>meta.yaml</c>, the environment's checkpoint and its history. No PutObject:
/// the operations that use these statements (<c>pulumi preview</c>, <c>pulumi refresh --preview-only</c>) take no lock
/// and write no checkpoint, history or backup — the DIY backend's <c>Preview</c> and <c>Refresh</c> with
/// <c>PreviewOnly</c> go straight to <c>apply</c> with <c>DryRun</c>, which persists nothing
/// (https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/backend.go). The review and drift roles share them.
/// </summary>
public static class StateReadStatements
{
    public static IEnumerable<Props> For(string bucket, string project, string environment)
    {
        var state = new StateObjectNames(project, environment);
        yield return Allow("ListState", ["s3:ListBucket"], [AwsArns.S3(bucket)],
            new Props { ["StringLike"] = new Props { ["s3:prefix"] = new[] { StateObjectNames.Root + "*" } } });
        yield return Allow("ReadEnvironmentState", ["s3:GetObject"],
            [AwsArns.S3($"{bucket}/{StateObjectNames.Meta}"), AwsArns.S3($"{bucket}/{state.Checkpoint}"), AwsArns.S3($"{bucket}/{state.History}")]);
    }
}
