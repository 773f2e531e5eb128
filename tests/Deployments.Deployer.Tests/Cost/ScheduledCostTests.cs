using Deployments.Deployer.Commands;
using Deployments.Deployer.Cost;
using Deployments.Deployer.GitHub;
using Deployments.Deployer.Previews;
using Deployments.Deployer.Tests.TestSupport;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Tests.Cost;

/// <summary>
/// A scheduled preview's tasks are priced for the schedule's hours (days × hours a day × 365/12/7 weeks a month), not
/// the 730-hour month; its rule and load-balancer share still exist all month. <c>plan</c> and the comment show the schedule.
/// </summary>
public class ScheduledCostTests
{
    private const string Schedule = "    schedule: {days: Mon-Fri, start: \"07:00\", stop: \"20:00\", timeZone: Europe/Paris}\n";

    /// <summary>This repository's project with staging's previews on a weekday schedule, in a temp directory.</summary>
    private static string ScheduledProject()
    {
        var dir = Directory.CreateTempSubdirectory("deployments-schedule-").FullName;
        File.Copy(Path.Combine(RepoRoot.Dir, "Pulumi.yaml"), Path.Combine(dir, "Pulumi.yaml"));
        File.WriteAllText(Path.Combine(dir, "Pulumi.staging.yaml"), File.ReadAllText(Path.Combine(RepoRoot.Dir, "Pulumi.staging.yaml"))
            .Replace("  deployments:previewDefaults:\n", "  deployments:previewDefaults:\n" + Schedule, StringComparison.Ordinal));
        return dir;
    }

    private static PreviewSettings Preview(string project)
    {
        var compilation = new StackCompilation(PulumiProject.Default, null);
        var (parent, _) = ParentFromStackFile.Read(compilation, project, "staging");
        var request = PreviewInputs.Validate("feature/login", "3f9a2c1");
        var config = PreviewConfigBuilder.Build(parent, request, 17);
        return compilation.Preview(compilation.Source(config), "preview-feature-login").Settings;
    }

    private static CostLine Line(CostEstimate estimate, string start) => estimate.Lines.Single(l => l.Item.StartsWith(start, StringComparison.Ordinal));

    [Test]
    public void A_scheduled_preview_s_tasks_are_priced_for_the_scheduled_hours_only()
    {
        // Arrange
        var project = ScheduledProject();
        var estimator = new RegionalCostEstimator(PriceCatalog.BuiltIn(), new CostAssumptions());

        // Act
        var scheduled = estimator.Preview(Preview(project));
        var allMonth = estimator.Preview(Preview(RepoRoot.Dir));

        // Assert: 5 days × 13 h × 365/12/7 weeks = 281.6667 h of 0.25 vCPU and 0.5 GB
        var hours = Math.Round(5m * 13m * 365m / 12m / 7m, 4);
        Line(scheduled, "Fargate Spot vCPU").Quantity.ShouldBe(0.25m * hours);
        Line(scheduled, "Fargate Spot memory").Quantity.ShouldBe(0.5m * hours);
        Line(allMonth, "Fargate Spot vCPU").Quantity.ShouldBe(0.25m * 730m);
        Line(scheduled, "Share of the parent's load balancer").Quantity.ShouldBe(Line(allMonth, "Share of the parent's load balancer").Quantity);
        scheduled.MonthlyTotal!.Value.ShouldBeLessThan(allMonth.MonthlyTotal!.Value);
        scheduled.Assumptions[0].ShouldBe("the preview's tasks run only Mon-Fri 07:00–20:00 Europe/Paris: 5 days × 13 h × 4.345 weeks (365/12/7) = 282.44 h a month (of 730 h); it costs that fraction of the total for the days it lives");
        allMonth.Assumptions[0].ShouldStartWith("the preview runs all month (730 h)");
    }

    [Test]
    public void Plan_shows_the_schedule_of_a_preview_and_of_an_environment_s_previews()
    {
        var project = ScheduledProject();

        var preview = DeployerRun.Run(["plan", "--project-dir", project, "--branch", "feature/login"]);
        var json = DeployerRun.Run(["plan", "--project-dir", project, "--branch", "feature/login", "--json"]);
        var environment = DeployerRun.Run(["plan", "--project-dir", project, "--stack", "staging"]);
        var unscheduled = DeployerRun.Run(["plan", "--project-dir", RepoRoot.Dir, "--branch", "feature/login", "--json"]);

        preview.ExitCode.ShouldBe(0, preview.StdErr);
        preview.StdOut.ShouldContain("  runs   Mon-Fri 07:00–20:00 Europe/Paris: 0 tasks outside it (`preview wake` starts it early, until the next stop)\n");
        preview.StdOut.ShouldContain("aws:appautoscaling:ScheduledAction  preview-scheduled-stop");
        System.Text.Json.Nodes.JsonNode.Parse(json.StdOut)!["schedule"]!.GetValue<string>().ShouldBe("Mon-Fri 07:00–20:00 Europe/Paris");
        environment.StdOut.ShouldContain("  previews run Mon-Fri 07:00–20:00 Europe/Paris: 0 tasks outside it\n");
        System.Text.Json.Nodes.JsonNode.Parse(unscheduled.StdOut)!.AsObject().ContainsKey("schedule").ShouldBeFalse();
    }

    [Test]
    public void The_pull_request_comment_shows_the_schedule_and_the_wake_label()
    {
        var decision = new EventDecision(EventDecision.Deploy, "feature/login", "preview-x", "opened") { HeadSha = "abc1234", ImageTag = "abc1234" };
        var deployed = new PreviewDeployResult("preview-x", "feature/login", "https://x.preview.example.com", "abc1234", 7, new Dictionary<string, int>(), TimeSpan.FromSeconds(3), true);

        var scheduled = CommentRenderer.Deployed(deployed with { Schedule = "Mon-Fri 07:00–20:00 Europe/Paris" }, decision);
        var allDay = CommentRenderer.Deployed(deployed, decision);

        scheduled.ShouldContain("| Schedule | `Mon-Fri 07:00–20:00 Europe/Paris`: asleep (0 tasks) outside it; add the label `preview:wake` to wake it until the next stop |\n");
        allDay.ShouldNotContain("Schedule");
    }
}
