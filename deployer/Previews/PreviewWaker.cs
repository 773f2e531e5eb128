using Deployments.Deployer.Aws.Scaling;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Pulumi;
using Deployments.Infra.Stacks;
using Deployments.Infra.Stacks.Preview;

namespace Deployments.Deployer.Previews;

/// <summary>
/// Wakes a scheduled preview before its scheduled start: its scalable target's bounds go back to the preview's task
/// count (RegisterScalableTarget), so Application Auto Scaling starts its tasks now; the next scheduled stop puts them
/// back to 0 as usual. What to raise is read from the stack's outputs in the backend (any runner has them); a pull
/// request (<c>--pr</c>) may wake only its own preview, like its destroy.
/// </summary>
public sealed class PreviewWaker(PulumiWorkspace workspace, Func<string, ScalingClient> scalingIn, TextWriter log)
{
    public async Task<WakeResult> WakeAsync(string stack, int? pullRequest, string? headRepository, CancellationToken ct)
    {
        var values = await workspace.OutputsAsync(stack, ct);
        var outputs = new StackOutputs(stack, values, "--branch");
        if (pullRequest is int pr)
            PreviewOwnership.ForWake(stack, await PreviewOwnership.ReadRecordAsync(workspace, stack, ct), workspace.Project, pr, headRepository);
        if (outputs.OptionalText(OutputNames.Schedule) is not { } schedule || outputs.OptionalText(OutputNames.ScalableTargetResourceId) is not { } resourceId)
            return new WakeResult(stack, null, 0, Woken: false);
        var tasks = RunningPreview.From(values).DesiredCount
            ?? throw new UserInputException($"--branch: stack '{stack}' has no '{OutputNames.DesiredCount}' output; is it a preview of this project, deployed with this version?");
        if (tasks == 0)
            throw new UserInputException($"preview '{stack}' runs 0 tasks until its first migration succeeds (its next deploy starts it): there is nothing to wake; nothing was changed");
        var target = TargetOf(resourceId);
        log.WriteLine($"waking {stack}: {resourceId} to {tasks} task(s) until the next scheduled stop ({schedule})");
        await scalingIn(outputs.Text(OutputNames.Region)).SetBoundsAsync(target, tasks, tasks, ct);
        return new WakeResult(stack, schedule, tasks, Woken: true);
    }

    /// <summary>The scalable target of a scheduled preview whose outputs name <paramref name="resourceId"/>.</summary>
    public static ScalableTarget TargetOf(string resourceId) =>
        new(PreviewScheduleResources.ServiceNamespace, resourceId, PreviewScheduleResources.ScalableDimension);
}
