using Deployments.Deployer.Pulumi.Events;

namespace Deployments.Deployer.Tests.Pulumi;

/// <summary>Sample lines in the shapes of https://github.com/pulumi/pulumi/blob/master/sdk/go/common/apitype/events.go.</summary>
public class EngineEventParserTests
{
    [Test]
    public void Summary_with_result()
    {
        var e = EngineEventParser.Parse("""{"sequence":9,"timestamp":0,"summaryEvent":{"maybeCorrupt":false,"durationSeconds":12,"resourceChanges":{"create":3,"same":1},"PolicyPacks":{},"isPreview":false,"result":"succeeded"}}""");

        e.ShouldBe(new SummaryEvent(new SortedDictionary<string, int> { ["create"] = 3, ["same"] = 1 }, 12, "succeeded"), new SummaryComparer());
    }

    [Test]
    public void Summary_of_an_older_cli_has_no_result() =>
        ((SummaryEvent)EngineEventParser.Parse("""{"sequence":0,"timestamp":0,"summaryEvent":{"maybeCorrupt":false,"durationSeconds":1,"resourceChanges":{},"PolicyPacks":{},"isPreview":false}}""")!).Result.ShouldBeNull();

    [Test]
    public void Resource_steps_name_op_type_and_resource() =>
        EngineEventParser.Parse("""{"sequence":3,"timestamp":1,"resourcePreEvent":{"metadata":{"op":"create","urn":"urn:pulumi:staging::deployments::aws:ecs/service:Service::service","type":"aws:ecs/service:Service","old":null,"new":null,"provider":""}}}""")
            .ShouldBe(new ResourceStepEvent("started", "create", "aws:ecs/service:Service", "service"));

    [Test]
    public void Planning_steps_and_unknown_kinds_are_ignored()
    {
        EngineEventParser.Parse("""{"sequence":1,"timestamp":0,"resourcePreEvent":{"metadata":{"op":"create","urn":"u::x","type":"t"},"planning":true}}""").ShouldBeNull();
        EngineEventParser.Parse("""{"sequence":1,"timestamp":0,"progressEvent":{"type":"plugin-download","id":"x","message":"m","received":1,"total":2,"done":false}}""").ShouldBeNull();
        EngineEventParser.Parse("not json").ShouldBeNull();
    }

    [Test]
    public void Diagnostics_and_the_end() =>
        EngineEventParser.Parse("""{"sequence":5,"timestamp":0,"diagnosticEvent":{"urn":"urn:pulumi:s::p::t::rule","message":"PriorityInUse\n","color":"never","severity":"error"}}""")
            .ShouldBe(new DiagnosticEvent("error", "PriorityInUse", "rule"));

    [Test]
    public void Cancel_event_ends_the_stream() =>
        EngineEventParser.Parse("""{"sequence":10,"timestamp":0,"cancelEvent":{}}""").ShouldBeOfType<EndOfStreamEvent>();

    private sealed class SummaryComparer : IEqualityComparer<EngineEvent?>
    {
        public bool Equals(EngineEvent? x, EngineEvent? y) => x is SummaryEvent a && y is SummaryEvent b
            && a.DurationSeconds == b.DurationSeconds && a.Result == b.Result && a.ResourceChanges.SequenceEqual(b.ResourceChanges);
        public int GetHashCode(EngineEvent? obj) => 0;
    }
}
