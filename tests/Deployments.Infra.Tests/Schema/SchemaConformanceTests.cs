using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Schema;

/// <summary>
/// Every stack we ship type-checks against the real provider SDKs, and the check itself fails on an unknown
/// property, a wrong nesting, a wrong type and an unknown resource type.
/// </summary>
[Category("schema")]
[NonParallelizable]
public class SchemaConformanceTests
{
    private static string Staging(params string[] o) => StackFixtures.CompileJson("staging", StackFixtures.FromStackFile("staging", o));
    private static string Production(params string[] o) => StackFixtures.CompileJson("production", StackFixtures.FromStackFile("production", o));
    private static string Preview(params string[] o) => StackFixtures.CompileJson("preview-x", StackFixtures.FromAssignments([.. StackFixtures.PreviewConfig, .. o]));

    [Test]
    public void Every_shipped_stack_and_variant_passes()
    {
        // Arrange: the stacks we ship plus the variants config can produce.
        (string, string)[] templates =
        [
            ("staging", Staging()),
            ("production", Production()),
            ("staging-build", Staging("!imageTag", "build={\"context\":\"./app\",\"dockerfile\":\"./app/Dockerfile\",\"sha\":\"3f9a2c1d\",\"version\":\"1.2.0\",\"branch\":\"main\"}")),
            ("staging-existing-vpc-http", Staging("vpcId=vpc-0123456789abcdef0", "publicSubnetIds=[\"subnet-00000001\",\"subnet-00000002\"]",
                "privateSubnetIds=[\"subnet-00000003\",\"subnet-00000004\"]", "!natGateways", "!certificateArn", "!hostedZoneId", "!host", "!previewDomain",
                "taskPolicyArns=[\"arn:aws:iam::123456789012:policy/app\"]")),
            ("staging-egress-rules-access-logs", Staging("taskEgressRules=[\"tcp:6379:10.1.0.0/16\",\"udp:123-124:0.0.0.0/0\"]", "accessLogs=true")),
            ("staging-egress-open", Staging("taskEgressOpen=true")),
            ("staging-blue-green-gate", Staging("releaseStrategy=blue-green", "bakeMinutes=10", "releaseGateMinutes=30")),
            ("staging-canary-path-rule", Staging("releaseStrategy=canary", "canaryPercent=10", "canaryBakeMinutes=5", "!hostedZoneId", "!host", "!previewDomain")),
            ("production-linear", Production("releaseStrategy=linear", "linearStepPercent=20", "linearStepBakeMinutes=3", "releaseGateMinutes=15")),
            ("staging-preview-shards", Staging("previewCapacity=250", "accessLogs=true")),
            ("production-existing-log-bucket-build", Production("accessLogsBucket=org-central-alb-logs", "!imageTag",
                "build={\"context\":\"./app\",\"sha\":\"3f9a2c1d\",\"branch\":\"main\"}")),
            ("preview-sidecar", Preview()),
            ("preview-instance", Preview("databaseStrategy=instance")),
            ("preview-shard-2", Preview("loadBalancerShard=2")),
            ("preview-none", Preview("databaseStrategy=none", "spot=false", "host=x.example.com")),
            ("preview-scheduled", Preview("schedule={\"days\":\"Mon-Fri\",\"start\":\"07:00\",\"stop\":\"20:00\",\"timeZone\":\"Europe/Paris\"}")),
        ];

        // Act
        var result = SchemaCheck.Run(templates);

        // Assert
        result.Passed.ShouldBeTrue(result.ToString());
    }

    [Test]
    public void The_check_fails_on_broken_templates_and_names_the_resource()
    {
        // Arrange: each broken template differs from a valid one in exactly one place.
        const string wrongProperty = """{"resources": {"c": {"type": "aws:ecs:Cluster", "properties": {"nmae": "x"}}}}""";
        const string wrongNesting = """{"resources": {"tg": {"type": "aws:lb:TargetGroup", "properties": {"port": 80, "matcher": "200"}}}}""";
        const string wrongType = """{"resources": {"td": {"type": "aws:ecs:TaskDefinition", "properties": {"family": "f", "containerDefinitions": "[]", "cpu": 256}}}}""";
        const string wrongToken = """{"resources": {"s": {"type": "aws:ecs:Servicee", "properties": {}}}}""";
        const string wrongPackage = """{"resources": {"b": {"type": "gcp:storage:Bucket", "properties": {}}}}""";
        const string wrongEnum = """{"resources": {"vpc": {"type": "awsx:ec2:Vpc", "properties": {"natGateways": {"strategy": "Singel"}}}}}""";
        const string missingRequired = """{"resources": {"image": {"type": "docker-build:Image", "properties": {"tags": ["x:1"]}}}}""";
        const string valid = """{"resources": {"c": {"type": "aws:ecs:Cluster", "properties": {"name": "x", "settings": [{"name": "containerInsights", "value": "enabled"}]}}}}""";

        // Act
        var result = SchemaCheck.Run(("property", wrongProperty), ("nesting", wrongNesting), ("type", wrongType),
            ("token", wrongToken), ("package", wrongPackage), ("enum", wrongEnum), ("required", missingRequired), ("valid", valid));

        // Assert
        result.Passed.ShouldBeFalse();
        result.For("property").Single().ShouldSatisfyAllConditions(d => d.Resource.ShouldBe("c"), d => d.Message.ShouldContain("'nmae' does not exist in type 'ClusterArgs'"));
        result.For("nesting").Single().Message.ShouldContain("'matcher' does not exist in type 'TargetGroupArgs'");
        result.For("type").Single().ShouldSatisfyAllConditions(d => d.Resource.ShouldBe("td"), d => d.Message.ShouldContain("Type 'number' is not assignable"));
        result.For("token").Single().Message.ShouldContain("ServiceeArgs");
        result.For("package").Single().Message.ShouldContain("unknown_package_gcp");
        result.For("enum").Single().Message.ShouldContain("'\"Singel\"' is not assignable");
        result.For("required").Single().Message.ShouldContain("Property 'push' is missing");
        result.For("valid").ShouldBeEmpty();
    }
}
