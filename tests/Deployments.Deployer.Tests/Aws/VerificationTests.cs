using System.Net;
using Deployments.Deployer.Tests.TestSupport;
using Deployments.Deployer.Verification;

namespace Deployments.Deployer.Tests.Aws;

/// <summary>Rollout verification against the fake ECS, and the health probe against a local HTTP server.</summary>
public class VerificationTests
{
    private const string TaskDefinition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/app-staging:8";

    private static (VerificationResult Result, string Output, FakeAwsServer Server) Verify(FakeAwsScenario scenario)
    {
        var server = new FakeAwsServer(scenario);
        var clock = new VirtualClock();
        var output = new StringWriter();
        using var aws = server.Clients(clock);
        var result = new RolloutVerifier(aws.Ecs, clock, output).VerifyAsync("app-staging", "app-staging", TaskDefinition, TimeSpan.FromMinutes(15), CancellationToken.None)
            .GetAwaiter().GetResult();
        return (result, output.ToString(), server);
    }

    [Test]
    public void A_completed_rollout_of_our_task_definition_passes_with_progress_shown()
    {
        var (result, output, server) = Verify(new FakeAwsScenario());
        using var _ = server;

        result.Succeeded.ShouldBeTrue(result.Failure);
        output.ShouldContain("rollout: 0/1 running (IN_PROGRESS)");
        output.ShouldContain("rollout: 1/1 running (COMPLETED)");
        output.ShouldContain("[ecs] (service app-staging) event 1: IN_PROGRESS");
    }

    [Test]
    public void A_circuit_breaker_failure_is_a_failure_with_the_latest_events()
    {
        var (result, _, server) = Verify(new FakeAwsScenario { Rollout = ["IN_PROGRESS", "FAILED"] });
        using var _s = server;

        result.Succeeded.ShouldBeFalse();
        result.Failure.ShouldBe("rolled back by the circuit breaker: ECS deployment circuit breaker: tasks failed to start.");
        result.Events.ShouldContain("(service app-staging) event 1: FAILED");
    }

    [Test]
    public void Our_deployment_replaced_by_the_old_one_is_a_rollback_not_a_success()
    {
        // The service ends "stable" (one deployment, running = desired) — on the old task definition.
        var (result, _, server) = Verify(new FakeAwsScenario { Rollout = ["IN_PROGRESS", "GONE"] });
        using var _s = server;

        result.Succeeded.ShouldBeFalse();
        result.Failure.ShouldBe("rolled back by the circuit breaker: the service went back to its previous task definition");
    }

    [Test]
    public void Without_rollout_state_a_single_deployment_running_its_count_passes()
    {
        var (result, _, server) = Verify(new FakeAwsScenario { NoRolloutState = true, Rollout = ["IN_PROGRESS", "IN_PROGRESS", "COMPLETED"] });
        using var _s = server;

        result.Succeeded.ShouldBeTrue(result.Failure);
        server.Targets.Count(t => t == "DescribeServices").ShouldBe(3);
    }

    [Test]
    public void Health_probe_waits_through_503_until_200()
    {
        // Arrange: a health endpoint on 127.0.0.1 that answers 503 twice, then 200.
        using var listener = new HttpListener();
        var port = FakeAwsServer.FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var calls = 0;
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext c;
                try { c = await listener.GetContextAsync(); } catch (HttpListenerException) { return; } catch (ObjectDisposedException) { return; }
                c.Response.StatusCode = ++calls <= 2 ? 503 : 200;
                c.Response.Close();
            }
        });
        var output = new StringWriter();
        using var http = new HttpClient();

        // Act
        var result = new HealthProbe(http, new VirtualClock(), output).ProbeAsync(new Uri($"http://127.0.0.1:{port}/healthz"), TimeSpan.FromMinutes(5), CancellationToken.None)
            .GetAwaiter().GetResult();

        // Assert
        result.Succeeded.ShouldBeTrue();
        output.ToString().ShouldContain("→ 503");
        output.ToString().ShouldContain("answered 200");
        calls.ShouldBe(3);
    }

    [Test]
    public void Health_probe_gives_up_with_the_last_status()
    {
        var output = new StringWriter();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };

        var result = new HealthProbe(http, new VirtualClock(), output).ProbeAsync(new Uri("http://127.0.0.1:9/healthz"), TimeSpan.FromMinutes(1), CancellationToken.None)
            .GetAwaiter().GetResult();

        result.Succeeded.ShouldBeFalse();
        result.Failure.ShouldStartWith("http://127.0.0.1:9/healthz did not answer healthily within 1 min (last: ");
    }
}
