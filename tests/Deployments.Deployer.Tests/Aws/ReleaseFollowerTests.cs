using Deployments.Deployer.Errors;
using Deployments.Deployer.Tests.TestSupport;
using Deployments.Deployer.Verification;

namespace Deployments.Deployer.Tests.Aws;

/// <summary>A blue/green, canary or linear release followed through its ECS lifecycle stages against the fake ECS (issue 13).</summary>
public class ReleaseFollowerTests
{
    private const string TaskDefinition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/app-staging:8";
    private static readonly ReleaseTestTarget Target = new(new Uri("https://staging.shop.example.com/"), "x-deployments-test", "0123456789abcdef0123456789abcdef");

    private sealed record Run(VerificationResult Result, string Output, FakeAwsServer Server, List<ReleaseTestTarget> GateCalls, VirtualClock Clock);

    private static Run Follow(FakeRelease release, bool gatePasses = true, int gateMinutes = 0, TimeSpan? deadline = null, CancellationToken ct = default,
        Func<CancellationToken, Task>? duringGate = null)
    {
        var server = new FakeAwsServer(new FakeAwsScenario { Release = release });
        var clock = new VirtualClock();
        var output = new StringWriter();
        var calls = new List<ReleaseTestTarget>();
        using var aws = server.Clients(clock);
        ReleaseGate gate = async (target, token) =>
        {
            calls.Add(target);
            if (duringGate is not null) await duringGate(token);
            return gatePasses;
        };
        var request = new ReleaseFollowRequest("app-staging", "app-staging", TaskDefinition, "blue-green", Target, gateMinutes, deadline ?? TimeSpan.FromMinutes(40));
        var result = new ServiceDeploymentFollower(aws.Ecs, clock, output, gate).FollowAsync(request, ct).GetAwaiter().GetResult();
        return new Run(result, output.ToString(), server, calls, clock);
    }

    private static List<string> StageLines(string output) =>
        output.Split('\n').Where(l => l.StartsWith("  stage: ", StringComparison.Ordinal)).Select(l => l["  stage: ".Length..].Split(' ')[0]).Distinct().ToList();

    [Test]
    public void A_blue_green_release_reports_every_stage_in_order_with_the_traffic_and_passes()
    {
        // Arrange / Act
        var run = Follow(new FakeRelease());
        using var _ = run.Server;

        // Assert
        run.Result.Succeeded.ShouldBeTrue(run.Result.Failure);
        StageLines(run.Output).ShouldBe(["RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT",
            "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP"]);
        run.Output.ShouldContain("stage: TEST_TRAFFIC_SHIFT (IN_PROGRESS) — new revision gets production traffic 0%, test traffic 100%");
        run.Output.ShouldContain("stage: PRODUCTION_TRAFFIC_SHIFT (IN_PROGRESS) — new revision gets production traffic 100%, test traffic 100%");
        run.Output.ShouldContain("stage: CLEAN_UP (SUCCESSFUL)");
        // No gate configured: no verdict asked for, none sent.
        run.GateCalls.ShouldBeEmpty();
        run.Server.Targets.ShouldNotContain("ContinueServiceDeployment");
    }

    [Test]
    public void A_canary_release_prints_the_canary_share()
    {
        var run = Follow(new FakeRelease
        {
            Steps = [new("TEST_TRAFFIC_SHIFT", "IN_PROGRESS", 0, 100), new("PRODUCTION_TRAFFIC_SHIFT", "IN_PROGRESS", 10, 100),
                new("BAKE_TIME", "IN_PROGRESS", 10, 100), new("PRODUCTION_TRAFFIC_SHIFT", "IN_PROGRESS", 100, 100), new("CLEAN_UP", "SUCCESSFUL", 100, 100)],
        });
        using var _ = run.Server;

        run.Result.Succeeded.ShouldBeTrue(run.Result.Failure);
        run.Output.ShouldContain("stage: PRODUCTION_TRAFFIC_SHIFT (IN_PROGRESS) — new revision gets production traffic 10%");
        run.Output.ShouldContain("stage: BAKE_TIME (IN_PROGRESS) — new revision gets production traffic 10%");
    }

    [Test]
    public void A_rollback_at_the_bake_is_a_failure_with_the_stage_and_the_reason()
    {
        var run = Follow(new FakeRelease { Steps = FakeRelease.RollbackAtBake("Service deployment rolled back because the circuit breaker threshold was exceeded.") });
        using var _ = run.Server;

        run.Result.Succeeded.ShouldBeFalse();
        run.Result.Failure.ShouldBe("rolled back by ECS during BAKE_TIME: Service deployment rolled back because the circuit breaker threshold was exceeded.");
        run.Result.Events.ShouldNotBeEmpty();
        run.Output.ShouldContain("stage: BAKE_TIME (ROLLBACK_SUCCESSFUL)");
    }

    [Test]
    public void At_the_gate_the_verdict_is_asked_with_the_test_route_and_a_pass_continues_to_production()
    {
        var release = new FakeRelease { Gate = true };
        var run = Follow(release, gatePasses: true, gateMinutes: 30);
        using var _ = run.Server;

        run.Result.Succeeded.ShouldBeTrue(run.Result.Failure);
        run.GateCalls.ShouldBe([Target]);
        release.Actions.ShouldBe(["CONTINUE"]);
        run.Output.ShouldContain("test gate passed");
        run.Output.ShouldNotContain(Target.HeaderValue);
    }

    [Test]
    public void A_failed_gate_rolls_back_before_any_production_traffic_shifts()
    {
        var release = new FakeRelease { Gate = true };
        var run = Follow(release, gatePasses: false, gateMinutes: 30);
        using var _ = run.Server;

        run.Result.Succeeded.ShouldBeFalse();
        run.Result.Failure.ShouldBe("the test gate failed: ECS rolled the release back before any production traffic shifted");
        release.Actions.ShouldBe(["ROLLBACK"]);
        release.MostProductionTraffic.ShouldBe(0);
        StageLines(run.Output).ShouldNotContain("PRODUCTION_TRAFFIC_SHIFT");
    }

    [Test]
    public void A_release_that_does_not_finish_in_time_fails_and_says_ecs_goes_on()
    {
        // The bake never ends within the deadline; progress lines show it is not a hang.
        var run = Follow(new FakeRelease { Steps = FakeRelease.BlueGreen(bakePolls: 10_000) }, deadline: TimeSpan.FromMinutes(10));
        using var _ = run.Server;

        run.Result.Succeeded.ShouldBeFalse();
        run.Result.Failure!.ShouldStartWith("the blue-green release did not finish within 10 min (last: BAKE_TIME, IN_PROGRESS); ECS goes on with it on its own");
        run.Output.ShouldContain("  still BAKE_TIME (");
        (run.Clock.Now - new VirtualClock().Now).ShouldBeLessThan(TimeSpan.FromMinutes(11));
    }

    [Test]
    public void Ctrl_c_at_the_gate_tells_ecs_to_roll_back_and_says_so()
    {
        using var cts = new CancellationTokenSource();
        var release = new FakeRelease { Gate = true };

        var error = Should.Throw<CancelledException>(() => Follow(release, gateMinutes: 30, ct: cts.Token, duringGate: token =>
        {
            cts.Cancel();
            token.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }));

        error.ExitCode.ShouldBe(4);
        error.Message.ShouldBe("interrupted at the test gate: ECS was told to roll the release back; no production traffic reached the new tasks");
        release.Actions.ShouldBe(["ROLLBACK"]);
    }

    [Test]
    public void Ctrl_c_during_the_bake_leaves_ecs_to_finish_or_roll_back_and_says_so()
    {
        using var cts = new CancellationTokenSource();
        var release = new FakeRelease { Steps = FakeRelease.BlueGreen(bakePolls: 10_000) };
        var server = new FakeAwsServer(new FakeAwsScenario { Release = release });
        using var _ = server;
        var clock = new CancellingClock(cts, after: 50);
        using var aws = server.Clients(clock);
        var request = new ReleaseFollowRequest("app-staging", "app-staging", TaskDefinition, "blue-green", Target, 0, TimeSpan.FromHours(1));

        var error = Should.Throw<CancelledException>(() =>
            new ServiceDeploymentFollower(aws.Ecs, clock, TextWriter.Null, (_, _) => Task.FromResult(true)).FollowAsync(request, cts.Token).GetAwaiter().GetResult());

        error.Message.ShouldStartWith("interrupted while following the blue-green release (BAKE_TIME): ECS goes on with it on its own and rolls it back if it fails");
        release.Actions.ShouldBeEmpty();
    }

    /// <summary>A virtual clock that cancels the run after <c>after</c> delays (Ctrl-C in the middle of a wait).</summary>
    private sealed class CancellingClock(CancellationTokenSource cts, int after) : IClock
    {
        private readonly VirtualClock _clock = new();
        private int _delays;
        public DateTimeOffset Now => _clock.Now;
        public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
        {
            if (++_delays >= after) cts.Cancel();
            return _clock.Delay(delay, cancellationToken);
        }
    }
}
