namespace Deployments.Infra.Config;

/// <summary>
/// How an environment's service releases a new revision (<c>releaseStrategy</c> and its keys). <c>rolling</c> is
/// ECS's rolling update with the circuit breaker; the others are ECS's native blue/green, canary and linear
/// deployments behind the load balancer
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html,
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/canary-deployment.html,
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/linear-deployment.html).
/// </summary>
public sealed record ReleaseSettings(string Strategy, int BakeMinutes, int CanaryPercent, int CanaryBakeMinutes,
    int LinearStepPercent, int LinearStepBakeMinutes, int GateMinutes)
{
    public const string RollingName = "rolling";
    public const string BlueGreenName = "blue-green";
    public const string CanaryName = "canary";
    public const string LinearName = "linear";

    /// <summary>Time for ECS to start the new tasks and see them healthy, on top of the configured waits.</summary>
    public const int ProvisioningMarginMinutes = 20;

    public static readonly ReleaseSettings Rolling = new(RollingName, 0, 0, 0, 0, 0, 0);

    public bool IsRolling => Strategy == RollingName;

    /// <summary>The value of the service's <c>deploymentConfiguration.strategy</c>.</summary>
    public string EcsStrategy => Strategy switch
    {
        BlueGreenName => "BLUE_GREEN",
        CanaryName => "CANARY",
        LinearName => "LINEAR",
        _ => "ROLLING",
    };

    /// <summary>Whether ECS holds the deployment after test traffic shifted until the deployer's verdict (a PAUSE hook).</summary>
    public bool HasGate => !IsRolling && GateMinutes > 0;

    /// <summary>
    /// The longest a healthy release can take: the gate, every traffic step's bake and the final bake, plus
    /// <see cref="ProvisioningMarginMinutes"/>. The deployer waits this long before it reports a timeout.
    /// </summary>
    public int WaitMinutes => IsRolling ? 0 : GateMinutes + BakeMinutes + ProvisioningMarginMinutes + Strategy switch
    {
        CanaryName => CanaryBakeMinutes,
        LinearName => (LinearSteps - 1) * LinearStepBakeMinutes,
        _ => 0,
    };

    /// <summary>How many shifts a linear release takes to reach 100% (the last one needs no step bake).</summary>
    public int LinearSteps => LinearStepPercent <= 0 ? 1 : (100 + LinearStepPercent - 1) / LinearStepPercent;
}
