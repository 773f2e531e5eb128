using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Posture;

/// <summary>Issue 10 §6: a task may send only what it needs — HTTPS, DNS inside the VPC, its database's port.</summary>
public class TaskEgressTests
{
    private static IReadOnlyList<string> EgressRules(TemplateAssert template) =>
        template.ResourcesOfType("aws:vpc:SecurityGroupEgressRule").Select(r =>
        {
            var p = r.Resource["properties"]!;
            var to = p["cidrIpv4"]?.ToString() ?? p["referencedSecurityGroupId"]?.ToString();
            return $"{p["securityGroupId"]} {p["ipProtocol"]} {p["fromPort"]}-{p["toPort"]} {to}";
        }).Order(StringComparer.Ordinal).ToList();

    [Test]
    public void Environment_tasks_may_send_https_anywhere_dns_to_the_vpc_and_postgres_to_the_database_group_only()
    {
        // Arrange / Act
        var template = StackFixtures.Staging();

        // Assert
        template.Resource("service-security-group")["properties"]!.AsObject().ContainsKey("egress").ShouldBeFalse("no inline egress: the rules are resources");
        EgressRules(template).ShouldBe(new[]
        {
            "${service-security-group.id} tcp 443-443 0.0.0.0/0",
            "${service-security-group.id} tcp 53-53 10.0.0.0/16",
            "${service-security-group.id} tcp 5432-5432 ${database-security-group.id}",
            "${service-security-group.id} udp 53-53 10.0.0.0/16",
        });
    }

    [Test]
    public void Without_a_database_there_is_no_database_rule()
    {
        EgressRules(StackFixtures.Staging("database=false")).ShouldNotContain(r => r.Contains("5432", StringComparison.Ordinal));
    }

    [Test]
    public void An_existing_vpc_resolves_its_cidr_for_the_dns_rules_and_exports_it_for_previews()
    {
        var template = StackFixtures.Staging("vpcId=vpc-0123456789abcdef0", "publicSubnetIds=[\"subnet-00000001\",\"subnet-00000002\"]",
            "privateSubnetIds=[\"subnet-00000003\",\"subnet-00000004\"]", "!natGateways");

        template.Root["variables"]!["vpc-cidr"]!["fn::invoke"]!.ToJsonString()
            .ShouldBe("""{"function":"aws:ec2:getVpc","arguments":{"id":"vpc-0123456789abcdef0"},"return":"cidrBlock"}""");
        EgressRules(template).ShouldContain("${service-security-group.id} udp 53-53 ${vpc-cidr}");
        template.Output("vpcCidr")!.ToString().ShouldBe("${vpc-cidr}");
    }

    [Test]
    public void Extra_rules_are_added_and_open_egress_is_one_explicit_rule()
    {
        var extra = StackFixtures.Staging("taskEgressRules=[\"tcp:6379:10.1.0.0/16\",\"udp:123-124:0.0.0.0/0\"]");
        var open = StackFixtures.Staging("taskEgressOpen=true");

        EgressRules(extra).ShouldContain("${service-security-group.id} tcp 6379-6379 10.1.0.0/16");
        EgressRules(extra).ShouldContain("${service-security-group.id} udp 123-124 0.0.0.0/0");
        extra.Resource("service-security-group-egress-tcp-6379-10-1-0-0-16").ShouldNotBeNull();
        EgressRules(open).ShouldBe(new[] { "${service-security-group.id} -1 - 0.0.0.0/0" });
    }

    [Test]
    public void Preview_tasks_get_the_same_limits_with_the_parent_vpc_cidr_and_the_sidecar_needs_no_rule()
    {
        var sidecar = StackFixtures.Preview();

        sidecar.Resource("service-security-group")["properties"]!.AsObject().ContainsKey("egress").ShouldBeFalse();
        EgressRules(sidecar).ShouldBe(new[]
        {
            "${service-security-group.id} tcp 443-443 0.0.0.0/0",
            "${service-security-group.id} tcp 53-53 ${parent.outputs[\"vpcCidr\"]}",
            "${service-security-group.id} udp 53-53 ${parent.outputs[\"vpcCidr\"]}",
        });
    }

    [Test]
    public void A_preview_with_its_own_database_may_reach_that_database_group_only()
    {
        var template = StackFixtures.Preview("databaseStrategy=instance");

        EgressRules(template).ShouldContain("${service-security-group.id} tcp 5432-5432 ${database-security-group.id}");
    }

    [Test]
    public void Environments_hand_their_egress_to_previews_which_can_also_set_their_own()
    {
        var parent = StackFixtures.Staging("taskEgressRules=[\"tcp:6379:10.1.0.0/16\"]");
        var own = StackFixtures.Staging("previewDefaults={\"taskEgressOpen\":true}");
        var preview = StackFixtures.Preview("taskEgressRules=[\"tcp:6379:10.1.0.0/16\"]");

        TemplateAssert.Matches(parent.Output("previewDefaults"), new { taskEgressOpen = false, taskEgressRules = new[] { "tcp:6379:10.1.0.0/16" } }, "inherited");
        TemplateAssert.Matches(own.Output("previewDefaults"), new { taskEgressOpen = true, taskEgressRules = Array.Empty<string>() }, "own");
        EgressRules(preview).ShouldContain("${service-security-group.id} tcp 6379-6379 10.1.0.0/16");
    }
}
