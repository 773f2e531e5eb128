using System.Text.Json.Nodes;

namespace Deployments.Deployer.Tests.Aws;

/// <summary>
/// An ECS blue/green (or canary, linear) service deployment for the fake server: one <see cref="Steps"/> entry per
/// DescribeServiceDeployments call (the last repeats). With <see cref="Gate"/>, the release holds at
/// POST_TEST_TRAFFIC_SHIFT with a PAUSE hook AWAITING_ACTION until ContinueServiceDeployment: CONTINUE goes on,
/// ROLLBACK rolls back with no production traffic. Records the verdicts and the most production traffic ever sent.
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-how-it-works.html)
/// </summary>
public sealed class FakeRelease
{
    public const string Arn = "arn:aws:ecs:eu-west-1:123456789012:service-deployment/app-staging/app-staging/bg1234567890";
    public const string HookId = "hook-0001";

    public List<FakeReleaseStep> Steps { get; init; } = BlueGreen();
    public bool Gate { get; init; }
    public List<string> Actions { get; } = [];
    public double MostProductionTraffic { get; private set; }

    private int _next;
    private List<FakeReleaseStep>? _rollback;

    public static List<FakeReleaseStep> BlueGreen(int bakePolls = 3) =>
    [
        new("RECONCILE_SERVICE", "IN_PROGRESS", 0, 0), new("PRE_SCALE_UP", "IN_PROGRESS", 0, 0), new("SCALE_UP", "IN_PROGRESS", 0, 0),
        new("POST_SCALE_UP", "IN_PROGRESS", 0, 0), new("TEST_TRAFFIC_SHIFT", "IN_PROGRESS", 0, 100), new("POST_TEST_TRAFFIC_SHIFT", "IN_PROGRESS", 0, 100),
        new("PRODUCTION_TRAFFIC_SHIFT", "IN_PROGRESS", 100, 100), new("POST_PRODUCTION_TRAFFIC_SHIFT", "IN_PROGRESS", 100, 100),
        .. Enumerable.Repeat(new FakeReleaseStep("BAKE_TIME", "IN_PROGRESS", 100, 100), bakePolls),
        new("CLEAN_UP", "IN_PROGRESS", 100, 100), new("CLEAN_UP", "SUCCESSFUL", 100, 100),
    ];

    /// <summary>Blue/green up to the bake, then a rollback for <paramref name="reason"/>.</summary>
    public static List<FakeReleaseStep> RollbackAtBake(string reason) =>
    [
        .. BlueGreen(2).TakeWhile(s => s.Stage != "CLEAN_UP"),
        new("BAKE_TIME", "ROLLBACK_IN_PROGRESS", 0, 0, reason), new("BAKE_TIME", "ROLLBACK_SUCCESSFUL", 0, 0, reason),
    ];

    internal JsonObject Describe()
    {
        FakeReleaseStep step;
        var hooks = new JsonArray();
        if (_rollback is not null)
        {
            step = _rollback[0];
            if (_rollback.Count > 1) _rollback.RemoveAt(0);
        }
        else
        {
            step = Steps[Math.Min(_next, Steps.Count - 1)];
            var held = Gate && step.Stage == "POST_TEST_TRAFFIC_SHIFT" && Actions.Count == 0;
            if (held) hooks.Add(new JsonObject { ["hookId"] = HookId, ["targetType"] = "PAUSE", ["status"] = "AWAITING_ACTION", ["timeoutAction"] = "ROLLBACK" });
            else _next++;
        }
        MostProductionTraffic = Math.Max(MostProductionTraffic, step.Production);
        var deployment = new JsonObject
        {
            ["serviceDeploymentArn"] = Arn, ["status"] = step.Status, ["lifecycleStage"] = step.Stage,
            ["targetServiceRevision"] = new JsonObject
            {
                ["arn"] = "arn:aws:ecs:eu-west-1:123456789012:service-revision/app-staging/app-staging/8",
                ["requestedProductionTrafficWeight"] = step.Production, ["requestedTestTrafficWeight"] = step.Test,
            },
            ["lifecycleHookDetails"] = hooks,
        };
        if (step.Reason is { } reason)
        {
            deployment["statusReason"] = reason;
            deployment["rollback"] = new JsonObject { ["reason"] = reason, ["startedAt"] = 1.7e9 };
        }
        return new JsonObject { ["serviceDeployments"] = new JsonArray(deployment), ["failures"] = new JsonArray() };
    }

    /// <summary>ContinueServiceDeployment: only while the hook waits, with its id.</summary>
    internal string? Continue(JsonObject request)
    {
        if (!Gate || Actions.Count > 0) return "the service deployment is not paused at a lifecycle hook";
        if (request["hookId"]?.GetValue<string>() != HookId || request["serviceDeploymentArn"]?.GetValue<string>() != Arn) return "unknown hook or service deployment";
        var action = request["action"]?.GetValue<string>() ?? "CONTINUE";
        Actions.Add(action);
        if (action == "ROLLBACK")
            _rollback = [new("POST_TEST_TRAFFIC_SHIFT", "ROLLBACK_IN_PROGRESS", 0, 0, "Rollback requested by ContinueServiceDeployment"),
                new("POST_TEST_TRAFFIC_SHIFT", "ROLLBACK_SUCCESSFUL", 0, 0, "Rollback requested by ContinueServiceDeployment")];
        else _next++;
        return null;
    }
}
