using System.Text.Json.Nodes;

namespace Deployments.Deployer.Aws.Scaling;

/// <summary>
/// The one Application Auto Scaling operation the deployer calls, over <see cref="AwsJsonClient"/>: RegisterScalableTarget
/// on an existing target changes only the members given — here the bounds, which Application Auto Scaling then moves the
/// service's desired count into (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html).
/// </summary>
public sealed class ScalingClient(AwsJsonClient client)
{
    public async Task SetBoundsAsync(ScalableTarget target, int minCapacity, int maxCapacity, CancellationToken ct) =>
        await client.CallAsync("RegisterScalableTarget", new JsonObject
        {
            ["ServiceNamespace"] = target.ServiceNamespace,
            ["ResourceId"] = target.ResourceId,
            ["ScalableDimension"] = target.ScalableDimension,
            ["MinCapacity"] = minCapacity,
            ["MaxCapacity"] = maxCapacity,
        }, ct);
}
