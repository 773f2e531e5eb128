using System.Text.Json;
using System.Text.Json.Nodes;
using Deployments.Infra.Config;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Stacks;

/// <summary>
/// A preview schedule (<c>previewDefaults.schedule</c>, copied to each preview's <c>schedule</c>): the preview's service
/// becomes a scalable target with a scheduled stop at 0 tasks and a scheduled start at its task count; without one, no
/// Application Auto Scaling resource exists and the role gets no Application Auto Scaling action.
/// </summary>
public class PreviewScheduleTests
{
    private const string Weekdays = "schedule={\"days\":\"Mon-Fri\",\"start\":\"07:00\",\"stop\":\"20:00\",\"timeZone\":\"Europe/Paris\"}";

    private static string PreviewDefaults(string schedule) =>
        "previewDefaults={\"cpu\":256,\"memory\":512,\"databaseStrategy\":\"sidecar\",\"schedule\":" + schedule + "}";

    private static ConfigException Fails(string stack, ConfigSource source) => Should.Throw<ConfigException>(() => StackCompiler.Compile(source, stack));

    [Test]
    public void Without_a_schedule_a_preview_has_no_scaling_resource()
    {
        var types = StackFixtures.Preview().Resources.Select(r => r.Value!["type"]!.GetValue<string>());

        types.ShouldNotContain(t => t.StartsWith("aws:appautoscaling:", StringComparison.Ordinal));
    }

    [Test]
    public void A_scheduled_preview_scales_its_service_to_zero_at_stop_and_back_to_its_task_count_at_start()
    {
        // Act
        var template = StackFixtures.Preview(Weekdays, "desiredCount=2");

        // Assert
        template.HasResourceProperties("aws:appautoscaling:Target", new
        {
            serviceNamespace = "ecs",
            scalableDimension = "ecs:service:DesiredCount",
            resourceId = "service/${parent.outputs[\"clusterName\"]}/${service.name}",
            minCapacity = 2,
            maxCapacity = 2,
        });
        var actions = template.Resources.Where(r => r.Value!["type"]!.GetValue<string>() == "aws:appautoscaling:ScheduledAction")
            .ToDictionary(r => r.Key, r => r.Value!["properties"]!);
        actions.Keys.Order().ShouldBe(new[] { "preview-scheduled-start", "preview-scheduled-stop" });
        TemplateAssert.Matches(actions["preview-scheduled-stop"], new
        {
            schedule = "cron(0 20 ? * MON,TUE,WED,THU,FRI *)",
            timezone = "Europe/Paris",
            resourceId = "${preview-scalable-target.resourceId}",
            scalableTargetAction = new { minCapacity = 0, maxCapacity = 0 },
        }, "stop");
        TemplateAssert.Matches(actions["preview-scheduled-start"], new
        {
            schedule = "cron(0 7 ? * MON,TUE,WED,THU,FRI *)",
            timezone = "Europe/Paris",
            scalableTargetAction = new { minCapacity = 2, maxCapacity = 2 },
        }, "start");
    }

    [Test]
    public void An_overnight_schedule_stops_on_the_day_after_each_scheduled_day()
    {
        var template = StackFixtures.Preview("schedule={\"days\":\"Fri,Sun\",\"start\":\"18:30\",\"stop\":\"02:15\",\"timeZone\":\"UTC\"}");

        var actions = template.Resources.Where(r => r.Value!["type"]!.GetValue<string>() == "aws:appautoscaling:ScheduledAction")
            .ToDictionary(r => r.Key, r => r.Value!["properties"]!["schedule"]!.GetValue<string>());
        actions["preview-scheduled-start"].ShouldBe("cron(30 18 ? * FRI,SUN *)");
        actions["preview-scheduled-stop"].ShouldBe("cron(15 2 ? * MON,SAT *)");
    }

    [TestCase("Mon-Fri", "07:00", "20:00", 5 * 13 * 365.0 / 12 / 7)]
    [TestCase("Mon,Wed,Fri-Sun", "09:30", "10:00", 5 * 0.5 * 365.0 / 12 / 7)]
    [TestCase("Sat", "22:00", "06:00", 8 * 365.0 / 12 / 7)]
    public void Scheduled_hours_a_month_are_days_times_hours_times_weeks_a_month(string days, string start, string stop, double hours)
    {
        var schedule = new PreviewSchedule(Days(days), TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(stop, System.Globalization.CultureInfo.InvariantCulture), "UTC");

        schedule.HoursPerMonth.ShouldBe(hours, 1e-9);
        schedule.DaysText.ShouldBe(days);
    }

    private static List<DayOfWeek> Days(string text) => text switch
    {
        "Mon-Fri" => [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        "Mon,Wed,Fri-Sun" => [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday],
        _ => [DayOfWeek.Saturday],
    };

    [Test]
    public void The_environment_hands_its_schedule_to_previews_and_lets_their_role_manage_only_tagged_scalable_targets()
    {
        // Act
        var template = StackFixtures.Staging(PreviewDefaults("{\"days\":\"mon-fri\",\"start\":\"07:00\",\"stop\":\"20:00\",\"timeZone\":\"Europe/Paris\"}"));

        // Assert: the output carries the schedule as written back (canonical day names)
        TemplateAssert.Matches(template.Output("previewDefaults"), new
        {
            schedule = new { days = "Mon-Fri", start = "07:00", stop = "20:00", timeZone = "Europe/Paris" },
        }, "previewDefaults");
        var statements = PreviewRoleStatements(template);
        var scaling = statements.Where(s => Actions(s).Any(a => a.StartsWith("application-autoscaling:", StringComparison.Ordinal))).ToList();
        scaling.Select(s => s["Sid"]!.GetValue<string>()).ShouldBe(new[] { "ReadPreviewScaling", "CreatePreviewScalableTargets", "PreviewScalableTargets" });
        foreach (var statement in scaling.Where(s => s["Sid"]!.GetValue<string>() != "ReadPreviewScaling"))
        {
            statement["Resource"]!.ToJsonString().ShouldContain(":application-autoscaling:eu-west-1:${account}:scalable-target/*");
            statement["Condition"]!.ToJsonString().ShouldContain("\"aws:", Case.Sensitive);
            statement["Condition"]!.ToJsonString().ShouldContain("Tag/deployments:preview\":\"false\"");
        }
        Actions(scaling[1]).ShouldBe(new[] { "application-autoscaling:RegisterScalableTarget" });
        scaling[1]["Condition"]!.ToJsonString().ShouldContain("aws:RequestTag/deployments:preview");
        Actions(scaling[2]).ShouldNotContain(a => a.Contains("Policy", StringComparison.Ordinal));
        scaling[2]["Condition"]!.ToJsonString().ShouldContain("aws:ResourceTag/deployments:preview");
    }

    [Test]
    public void Without_a_schedule_the_preview_role_gets_no_application_auto_scaling_action()
    {
        var template = StackFixtures.Staging();

        PreviewRoleStatements(template).SelectMany(Actions).ShouldNotContain(a => a.StartsWith("application-autoscaling:", StringComparison.Ordinal));
        template.Output("previewDefaults")!.AsObject().ContainsKey("schedule").ShouldBeFalse();
    }

    private static List<JsonObject> PreviewRoleStatements(TemplateAssert template) =>
        template.Resource("ci-preview-role-policy")["properties"]!["policy"]!["fn::toJSON"]!["Statement"]!.AsArray().OfType<JsonObject>().ToList();

    private static List<string> Actions(JsonObject statement) =>
        statement["Action"] is JsonArray a ? a.Select(x => x!.GetValue<string>()).ToList() : [statement["Action"]!.GetValue<string>()];

    [TestCase("{\"days\":\"Fri-Mon\",\"start\":\"07:00\",\"stop\":\"20:00\",\"timeZone\":\"UTC\"}", "days", "'Fri-Mon' is not allowed: day names Mon, Tue")]
    [TestCase("{\"days\":\"Weekdays\",\"start\":\"07:00\",\"stop\":\"20:00\",\"timeZone\":\"UTC\"}", "days", "'Weekdays' is not allowed")]
    [TestCase("{\"days\":\"\",\"start\":\"07:00\",\"stop\":\"20:00\",\"timeZone\":\"UTC\"}", "days", "'' is not allowed")]
    [TestCase("{\"days\":\"Mon\",\"start\":\"7:00\",\"stop\":\"20:00\",\"timeZone\":\"UTC\"}", "start", "'7:00' is not allowed: a time of day HH:MM")]
    [TestCase("{\"days\":\"Mon\",\"start\":\"07:00\",\"stop\":\"24:00\",\"timeZone\":\"UTC\"}", "stop", "'24:00' is not allowed: a time of day HH:MM")]
    [TestCase("{\"days\":\"Mon\",\"start\":\"07:00\",\"stop\":\"07:00\",\"timeZone\":\"UTC\"}", "stop", "must differ from start")]
    [TestCase("{\"days\":\"Mon\",\"start\":\"07:00\",\"stop\":\"20:00\",\"timeZone\":\"Mars/Olympus\"}", "timeZone", "'Mars/Olympus' is not allowed: an IANA time zone name")]
    [TestCase("{\"days\":\"Mon\",\"start\":\"07:00\",\"stop\":\"20:00\",\"timeZone\":\"../../etc/passwd\"}", "timeZone", "is not allowed: an IANA time zone name")]
    [TestCase("{\"days\":\"Mon\",\"start\":\"07:00\",\"stop\":\"20:00\"}", "timeZone", "is required: an IANA time zone name")]
    [TestCase("{\"days\":\"Mon\",\"start\":\"07:00\",\"stop\":\"20:00\",\"timeZone\":\"UTC\",\"tz\":\"x\"}", "tz", "is not a known key here; known keys: days, start, stop, timeZone")]
    [TestCase("\"Mon-Fri 07:00-20:00\"", "", "must be an object (a YAML mapping)")]
    public void A_bad_schedule_is_invalid_config_naming_its_member(string schedule, string member, string message)
    {
        var suffix = member.Length == 0 ? "" : "." + member;

        // Act: on the environment, and on a preview (where the deployer copies it)
        var environment = Fails("staging", StackFixtures.FromStackFile("staging", PreviewDefaults(schedule)));
        var preview = Fails("preview-x", StackFixtures.FromAssignments([.. StackFixtures.PreviewConfig, "schedule=" + schedule]));

        // Assert
        environment.Problems.Single().Key.ShouldBe("deployments:previewDefaults.schedule" + suffix);
        environment.Problems.Single().Message.ShouldContain(message);
        preview.Problems.Single().Key.ShouldBe("deployments:schedule" + suffix);
        preview.Problems.Single().Message.ShouldContain(message);
    }

    [Test]
    public void A_bad_schedule_exits_3_naming_the_key_with_nothing_on_stdout()
    {
        var source = StackFixtures.FromStackFile("staging", PreviewDefaults("{\"days\":\"Mon-Fri\",\"start\":\"07:00\",\"stop\":\"20:00\",\"timeZone\":\"Europe/Pariss\"}"));

        var result = CompilerProcess.Run(CompilerProcess.RunEnvironment("staging", JsonSerializer.Serialize(source.Values)));

        result.ExitCode.ShouldBe(3);
        result.StdOut.ShouldBeEmpty();
        result.StdErr.ShouldContain("deployments:previewDefaults.schedule.timeZone: 'Europe/Pariss' is not allowed: an IANA time zone name");
        result.StdErr.ShouldNotContain("   at ");
    }
}
