using Deployments.Deployer.Pulumi.Digest;
using Deployments.Deployer.Review;

namespace Deployments.Deployer.Tests.Review;

public class ReviewClassifierTests
{
    private static readonly ResourceUrn Stack = ResourceUrn.Parse("urn:pulumi:staging::shop::pulumi:pulumi:Stack::shop-staging");

    private static ResourceStep Step(string op, string type, string name, bool protect = false, string[]? replaceReasons = null, Dictionary<string, PropertyDiff>? diff = null)
    {
        var state = new ResourceState(type, "id", protect, false, new Dictionary<string, System.Text.Json.JsonElement>(), new Dictionary<string, System.Text.Json.JsonElement>());
        return new ResourceStep(op, ResourceUrn.Parse($"urn:pulumi:staging::shop::{type}::{name}"), null, state, op == "delete" ? null : state,
            diff?.Keys.Select(k => k.Split('.')[0]).Distinct().ToList() ?? [], replaceReasons ?? [], diff);
    }

    private static PreviewDigest Digest(params ResourceStep[] steps) =>
        new([new ResourceStep("same", Stack, null, null, null, [], [], null), .. steps], new Dictionary<string, int>(), [], TimeSpan.Zero, false);

    [Test]
    public void A_database_replacement_is_a_stateful_change()
    {
        var changes = ReviewClassifier.Changes(Digest(Step("replace", "aws:rds/instance:Instance", "database", replaceReasons: ["identifier"],
            diff: new() { ["identifier"] = new PropertyDiff("update-replace", false) })));

        ReviewClassifier.Verdict(changes).ShouldBe(ReviewVerdict.StatefulChanges);
        changes.ShouldHaveSingleItem().Hazard.ShouldBe("REPLACES (deletes and recreates) a database: its data, address or history is lost");
        changes[0].Type.ShouldBe("aws:rds:Instance");
    }

    [Test]
    public void A_tag_change_on_the_database_is_only_a_change()
    {
        var changes = ReviewClassifier.Changes(Digest(Step("update", "aws:rds/instance:Instance", "database",
            diff: new() { ["tags.team"] = new PropertyDiff("add", false) })));

        ReviewClassifier.Verdict(changes).ShouldBe(ReviewVerdict.Changes);
        changes.ShouldHaveSingleItem().Properties.ShouldBe(["tags.team"]);
        changes[0].Hazard.ShouldBeNull();
    }

    [TestCase("aws:lb/loadBalancer:LoadBalancer", "delete", "DELETES a load balancer")]
    [TestCase("aws:ecr/repository:Repository", "replace", "REPLACES (deletes and recreates) a container image repository")]
    [TestCase("aws:cloudwatch/logGroup:LogGroup", "delete", "DELETES a log group")]
    public void Stateful_types_are_called_out_by_what_they_are(string type, string op, string words) =>
        ReviewClassifier.Changes(Digest(Step(op, type, "x"))).ShouldHaveSingleItem().Hazard!.ShouldStartWith(words);

    [Test]
    public void Replacing_anything_protected_is_a_stateful_change()
    {
        var changes = ReviewClassifier.Changes(Digest(Step("replace", "aws:iam/role:Role", "role", protect: true)));

        changes.ShouldHaveSingleItem().Hazard!.ShouldStartWith("REPLACES (deletes and recreates) a protected resource");
    }

    [Test]
    public void Replacing_a_stateless_resource_or_creating_a_database_is_only_a_change()
    {
        var changes = ReviewClassifier.Changes(Digest(Step("replace", "aws:ecs/taskDefinition:TaskDefinition", "task"), Step("create", "aws:rds/instance:Instance", "database")));

        ReviewClassifier.Verdict(changes).ShouldBe(ReviewVerdict.Changes);
    }

    [Test]
    public void No_step_but_the_root_stack_is_no_change() =>
        ReviewClassifier.Verdict(ReviewClassifier.Changes(Digest())).ShouldBe(ReviewVerdict.NoChanges);

    [Test]
    public void Exit_codes_are_the_named_ones()
    {
        ReviewVerdicts.ExitCode(ReviewVerdict.NoChanges).ShouldBe(0);
        ReviewVerdicts.ExitCode(ReviewVerdict.Changes).ShouldBe(10);
        ReviewVerdicts.ExitCode(ReviewVerdict.StatefulChanges).ShouldBe(11);
    }
}
