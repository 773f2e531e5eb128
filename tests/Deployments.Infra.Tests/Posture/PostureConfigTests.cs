using Deployments.Infra.Config;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Posture;

/// <summary>The posture keys are validated like every other key: named, with the rule, all problems at once.</summary>
public class PostureConfigTests
{
    private static ConfigException Fails(string stack, ConfigSource source) =>
        Should.Throw<ConfigException>(() => StackCompiler.Compile(source, stack));

    [Test]
    public void Latest_is_refused_as_the_image_of_a_production_stack()
    {
        // Arrange
        var source = StackFixtures.FromStackFile("production", "imageTag=latest");

        // Act
        var error = Fails("production", source);

        // Assert: one problem (migrationImageTag follows imageTag and is not reported twice), naming key and rule.
        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Key.ShouldBe("deployments:imageTag");
        problem.Message.ShouldStartWith("'latest' is not allowed in a production stack: its ECR repository has immutable tags");
    }

    [Test]
    public void Latest_is_refused_for_the_migration_image_too_and_on_any_stack_marked_production()
    {
        var migration = Fails("production", StackFixtures.FromStackFile("production", "migrationImageTag=latest"));
        var marked = Fails("staging", StackFixtures.FromStackFile("staging", "production=true"));

        migration.Problems.ShouldHaveSingleItem().Key.ShouldBe("deployments:migrationImageTag");
        marked.Problems.ShouldHaveSingleItem().Key.ShouldBe("deployments:imageTag");
    }

    [Test]
    public void Staging_keeps_deploying_latest()
    {
        Should.NotThrow(() => StackFixtures.Staging("imageTag=latest"));
    }

    [Test]
    public void Production_must_be_a_boolean()
    {
        Fails("production", StackFixtures.FromStackFile("production", "production=yes"))
            .Problems.ShouldHaveSingleItem().Message.ShouldBe("'yes' is not allowed: true or false");
    }

    [Test]
    public void Access_log_keys_are_checked_and_must_agree()
    {
        var error = Fails("staging", StackFixtures.FromStackFile("staging", "accessLogsBucket=Not_A_Bucket", "accessLogsExpirationDays=0"));
        var withBucket = Fails("production", StackFixtures.FromStackFile("production", "accessLogsBucket=logs-bucket", "accessLogsExpirationDays=30"));

        error.Problems.Select(p => p.ToString()).Order(StringComparer.Ordinal).ShouldBe(new[]
        {
            "deployments:accessLogsBucket: 'Not_A_Bucket' is not allowed: " + ConfigPatterns.BucketNameAllowed,
            "deployments:accessLogsBucket: applies only when accessLogs is true",
            "deployments:accessLogsExpirationDays: '0' is not allowed: an integer from 1 to 3650",
            "deployments:accessLogsExpirationDays: applies only when accessLogs is true",
        });
        withBucket.Problems.ShouldHaveSingleItem().Key.ShouldBe("deployments:accessLogsExpirationDays");
    }

    [TestCase("tcp:0:10.0.0.0/16")]
    [TestCase("tcp:70000:10.0.0.0/16")]
    [TestCase("tcp:20-10:10.0.0.0/16")]
    [TestCase("icmp:1:10.0.0.0/16")]
    [TestCase("tcp:443:10.0.0.0/33")]
    [TestCase("tcp:443:300.0.0.0/16")]
    [TestCase("tcp:443:10.0.0.0/16\n")]
    [TestCase("tcp:443")]
    public void Bad_egress_rules_are_named_with_the_allowed_form(string rule)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new[] { rule });

        var error = Fails("staging", StackFixtures.FromStackFile("staging", $"taskEgressRules={json}"));

        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Key.ShouldBe("deployments:taskEgressRules");
        problem.Message.ShouldEndWith("is not allowed: " + EgressRule.Allowed);
    }

    [Test]
    public void Open_egress_and_extra_rules_exclude_each_other()
    {
        var error = Fails("staging", StackFixtures.FromStackFile("staging", "taskEgressOpen=true", "taskEgressRules=[\"tcp:6379:10.1.0.0/16\"]"));

        error.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("must be empty when taskEgressOpen is true");
    }

    [Test]
    public void Preview_defaults_egress_is_validated_with_its_path()
    {
        var error = Fails("staging", StackFixtures.FromStackFile("staging", "previewDefaults={\"taskEgressRules\":[\"nope\"]}"));

        error.Problems.ShouldHaveSingleItem().Key.ShouldBe("deployments:previewDefaults.taskEgressRules");
    }

    [Test]
    public void Egress_rules_parse_single_ports_and_ranges()
    {
        EgressRule.TryParse("udp:123-124:0.0.0.0/0", out var range).ShouldBeTrue();
        EgressRule.TryParse("tcp:6379:10.1.0.0/16", out var single).ShouldBeTrue();

        range.ShouldBe(new EgressRule("udp", 123, 124, "0.0.0.0/0"));
        single!.ToString().ShouldBe("tcp:6379:10.1.0.0/16");
    }
}
