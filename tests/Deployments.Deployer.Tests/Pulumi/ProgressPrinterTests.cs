using Deployments.Deployer.Pulumi.Events;

namespace Deployments.Deployer.Tests.Pulumi;

public class ProgressPrinterTests
{
    private static readonly EngineEvent[] Events =
    [
        new ResourceStepEvent("started", "same", "aws:iam:Role", "role"),
        new ResourceStepEvent("started", "create", "aws:ecs:Service", "service"),
        new ResourceStepEvent("done", "create", "aws:ecs:Service", "service"),
        new ResourceStepEvent("started", "update", "aws:lb:ListenerRule", "rule"),
        new DiagnosticEvent("error", "PriorityInUse", "rule"),
        new ResourceStepEvent("failed", "update", "aws:lb:ListenerRule", "rule"),
        new SummaryEvent(new Dictionary<string, int> { ["create"] = 1 }, 7, "failed"),
    ];

    [Test]
    public void In_ci_each_operation_is_one_line_and_unchanged_resources_are_quiet()
    {
        // Arrange
        var output = new StringWriter();
        var time = DateTimeOffset.UnixEpoch;
        var printer = new ProgressPrinter(output, () => time += TimeSpan.FromSeconds(2));

        // Act
        foreach (var e in Events) printer.Handle(e);

        // Assert
        output.ToString().ShouldBe(string.Join(Environment.NewLine,
            "  creating   aws:ecs:Service service",
            "  created    aws:ecs:Service service (2s)",
            "  updating   aws:lb:ListenerRule rule",
            "  error: rule: PriorityInUse",
            "  failed     aws:lb:ListenerRule rule (2s)",
            ""));
        printer.Errors.ShouldBe(["rule: PriorityInUse"]);
        printer.Summary!.Result.ShouldBe("failed");
    }

    [Test]
    public void On_a_terminal_a_status_line_is_rewritten_in_place_below_finished_operations()
    {
        var output = new StringWriter();
        var printer = new ProgressPrinter(output, () => DateTimeOffset.UnixEpoch, live: true);

        foreach (var e in Events.Take(3)) printer.Handle(e);

        output.ToString().ShouldBe(
            "\r\u001b[2K  … 1 in progress: service (0s)" +
            "\r\u001b[2K  created    aws:ecs:Service service (0s)" + Environment.NewLine +
            "\r\u001b[2K");
    }
}
