using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.Aws;
using Deployments.Deployer.Tests.TestSupport;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// <c>preview wake</c>: a scheduled preview's scalable target is raised back to its task count with one signed
/// RegisterScalableTarget on the fake Application Auto Scaling endpoint; a pull request wakes only its own preview.
/// </summary>
[NonParallelizable]
public class PreviewWakeTests
{
    private const string Branch = "feature/login";
    private static readonly string Stack = PreviewNames.StackNameFor(new PreviewSource(Branch, null));
    private const string Schedule = "    schedule: {days: Mon-Fri, start: \"07:00\", stop: \"20:00\", timeZone: Europe/Paris}\n";

    /// <summary>Staging with (or without) a preview schedule, and pull request #7's preview of the branch.</summary>
    private static FakeCloud WithPreview(bool scheduled)
    {
        var cloud = new FakeCloud();
        if (scheduled)
        {
            var file = Path.Combine(cloud.Project, "Pulumi.staging.yaml");
            File.WriteAllText(file, File.ReadAllText(file).Replace("  deployments:previewDefaults:\n", "  deployments:previewDefaults:\n" + Schedule, StringComparison.Ordinal));
        }
        cloud.DeployStaging();
        var deploy = cloud.Deployer("preview", "deploy", "--branch", Branch, "--image-tag", "3f9a2c1", "--pr", "7", "--no-verify");
        deploy.ExitCode.ShouldBe(0, deploy.StdErr);
        return cloud;
    }

    private static string? Output(FakeCloud cloud, string name)
    {
        var (code, stdout, _) = cloud.Pulumi("stack", "output", "--json", "--stack", Stack, "--non-interactive");
        code.ShouldBe(0);
        return JsonNode.Parse(stdout)![name]?.ToString();
    }

    [Test]
    public void Wake_raises_the_preview_s_scalable_target_to_its_task_count_with_a_signed_call()
    {
        // Arrange
        using var cloud = WithPreview(scheduled: true);
        using var aws = cloud.UseAws(new FakeAwsServer(new FakeAwsScenario()));
        var resourceId = Output(cloud, "scalableTargetResourceId");
        resourceId.ShouldNotBeNull();
        Output(cloud, "schedule").ShouldBe("Mon-Fri 07:00–20:00 Europe/Paris");

        // Act
        var result = cloud.Deployer("preview", "wake", "--branch", Branch, "--pr", "7");

        // Assert: one call, signed for application-autoscaling (the fake verifies every signature), naming the target
        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.Trim().ShouldBe($"woke {Stack}: 1 task(s) until the next scheduled stop (Mon-Fri 07:00–20:00 Europe/Paris)");
        aws.Rejections.ShouldBeEmpty();
        var call = aws.Calls.ShouldHaveSingleItem();
        call.Target.ShouldBe("AnyScaleFrontendService.RegisterScalableTarget");
        call.Body.ToJsonString().ShouldBe(new JsonObject
        {
            ["ServiceNamespace"] = "ecs",
            ["ResourceId"] = resourceId,
            ["ScalableDimension"] = "ecs:service:DesiredCount",
            ["MinCapacity"] = 1,
            ["MaxCapacity"] = 1,
        }.ToJsonString());
    }

    [Test]
    public void Another_pull_request_cannot_wake_the_preview()
    {
        // Arrange
        using var cloud = WithPreview(scheduled: true);
        using var aws = cloud.UseAws(new FakeAwsServer(new FakeAwsScenario()));

        // Act
        var result = cloud.Deployer("preview", "wake", "--branch", Branch, "--pr", "8");

        // Assert: refused with the owner's number, and Application Auto Scaling never called
        result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
        result.StdErr.ShouldContain($"preview '{Stack}' belongs to pull request #7, not #8: it was not woken");
        result.StdErr.ShouldNotContain("   at ");
        aws.Calls.ShouldBeEmpty();
    }

    [Test]
    public void A_preview_without_a_schedule_has_nothing_to_wake()
    {
        using var cloud = WithPreview(scheduled: false);
        using var aws = cloud.UseAws(new FakeAwsServer(new FakeAwsScenario()));

        var result = cloud.Deployer("preview", "wake", "--branch", Branch, "--pr", "7");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.Trim().ShouldBe($"nothing to wake: {Stack} has no schedule");
        aws.Calls.ShouldBeEmpty();
    }

    [Test]
    public void The_preview_wake_label_wakes_the_pull_request_s_own_preview_and_changes_nothing_else()
    {
        // Arrange: pull request #2 (branch "changes") opens and gets its scheduled preview.
        using var cloud = new FakeCloud();
        var file = Path.Combine(cloud.Project, "Pulumi.staging.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("  deployments:previewDefaults:\n", "  deployments:previewDefaults:\n" + Schedule, StringComparison.Ordinal));
        cloud.DeployStaging();
        cloud.Environment["GITHUB_EVENT_NAME"] = "pull_request";
        cloud.Environment["GITHUB_EVENT_PATH"] = GitHub.Payloads.Path_("pull_request.opened.payload");
        cloud.Deployer("github", "event", "--no-verify").ExitCode.ShouldBe(0);
        using var aws = cloud.UseAws(new FakeAwsServer(new FakeAwsScenario()));
        var before = cloud.Calls.Count;

        // Act: the label preview:wake is added.
        cloud.Environment["GITHUB_EVENT_PATH"] = GitHub.Payloads.Path_("pull_request.labeled.preview-wake.payload");
        var result = cloud.Deployer("github", "event", "--json");

        // Assert: one RegisterScalableTarget, no pulumi update or destroy
        result.ExitCode.ShouldBe(0, result.StdErr);
        var stack = PreviewNames.StackNameFor(new PreviewSource("changes", null));
        result.StdOut.Trim().ShouldBe(new JsonObject { ["action"] = "wake", ["branch"] = "changes", ["stack"] = stack, ["woken"] = true }.ToJsonString());
        aws.Targets.ShouldBe(new[] { "RegisterScalableTarget" });
        aws.Rejections.ShouldBeEmpty();
        cloud.Calls.Skip(before).ShouldNotContain(c => c.StartsWith("up", StringComparison.Ordinal) || c.StartsWith("destroy", StringComparison.Ordinal)
            || c.StartsWith("config set", StringComparison.Ordinal));
    }

    [Test]
    public void A_missing_preview_is_a_user_error()
    {
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        using var aws = cloud.UseAws(new FakeAwsServer(new FakeAwsScenario()));

        var result = cloud.Deployer("preview", "wake", "--branch", "feature/none");

        result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
        aws.Calls.ShouldBeEmpty();
    }
}
