using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Stacks;
using Deployments.Infra.Stacks.Shards;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Stacks;

/// <summary>
/// Preview load-balancer shards: how many a capacity needs, what each one is in the environment's template, the one
/// output that lists them, the previews' side (their shard's listener, group and DNS record), and the config key.
/// </summary>
public class PreviewShardTests
{
    [TestCase(1, new[] { 99 })]
    [TestCase(99, new[] { 99 })]
    [TestCase(100, new[] { 99, 100 })]
    [TestCase(199, new[] { 99, 100 })]
    [TestCase(200, new[] { 99, 100, 100 })]
    [TestCase(500, new[] { 99, 100, 100, 100, 100, 100 })]
    public void A_capacity_needs_the_environments_own_load_balancer_then_one_more_per_100(int capacity, int[] rooms)
    {
        // Arrange / Act
        var layout = PreviewShardLayout.For(capacity);

        // Assert: the environment's ALB keeps a rule and a target group of its own, so 99 fit there
        layout.Rooms.ShouldBe(rooms);
        layout.Rooms.Sum().ShouldBeGreaterThanOrEqualTo(capacity);
        PreviewShardLayout.MaxShards.ShouldBe(30);
    }

    [Test]
    public void The_default_adds_no_load_balancer_and_no_output()
    {
        // Arrange / Act
        var template = StackFixtures.Staging();

        // Assert: the one ALB, as before shards (the golden files hold the rest byte for byte)
        template.ResourceCountIs("aws:lb:LoadBalancer", 1);
        template.Root["outputs"]!.AsObject().ContainsKey(OutputNames.PreviewShards).ShouldBeFalse();
    }

    [Test]
    public void Each_further_shard_has_its_alb_https_listener_with_the_wildcard_certificate_a_404_default_and_its_group()
    {
        // Arrange / Act: 250 previews need the environment's ALB and two more
        var template = StackFixtures.Staging("previewCapacity=250");

        // Assert
        template.ResourceCountIs("aws:lb:LoadBalancer", 3);
        foreach (var shard in new[] { 1, 2 })
        {
            template.Resource($"preview-shard-{shard}-load-balancer")["properties"]!["name"]!.GetValue<string>().ShouldBe($"shop-staging--s{shard}");
            TemplateAssert.Matches(template.Resource($"preview-shard-{shard}-load-balancer")["properties"], new
            {
                loadBalancerType = "application",
                @internal = false,
                securityGroups = new[] { $"${{preview-shard-{shard}-alb-security-group.id}}" },
                subnets = "${vpc.publicSubnetIds}",
                dropInvalidHeaderFields = true,
            }, "load balancer");
            TemplateAssert.Matches(template.Resource($"preview-shard-{shard}-https-listener")["properties"], new
            {
                loadBalancerArn = $"${{preview-shard-{shard}-load-balancer.arn}}",
                port = 443,
                protocol = "HTTPS",
                sslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06",
                certificateArn = "${preview-certificate-validation.certificateArn}",
                defaultActions = new[] { new { type = "fixed-response", fixedResponse = new { statusCode = "404" } } },
            }, "https listener");
            TemplateAssert.Matches(template.Resource($"preview-shard-{shard}-http-listener")["properties"], new
            {
                port = 80,
                defaultActions = new[] { new { type = "redirect", redirect = new { protocol = "HTTPS", port = "443" } } },
            }, "http listener");
            template.Resource($"preview-shard-{shard}-alb-security-group")["properties"]!["name"]!.GetValue<string>().ShouldBe($"shop-staging--s{shard}-alb");
        }
    }

    [Test]
    public void The_output_lists_every_shard_with_its_room_the_capacity_and_the_zone()
    {
        // Arrange / Act
        var output = StackFixtures.Staging("previewCapacity=250").Output(OutputNames.PreviewShards)!;

        // Assert
        output[PreviewShardKeys.Capacity]!.GetValue<int>().ShouldBe(250);
        output[PreviewShardKeys.HostedZoneId]!.GetValue<string>().ShouldBe("Z0123456789EXAMPLE");
        var shards = output[PreviewShardKeys.Shards]!.AsArray();
        shards.Select(s => s![PreviewShardKeys.Room]!.GetValue<int>()).ShouldBe([99, 100, 100]);
        TemplateAssert.Matches(shards[0], new
        {
            loadBalancerArn = "${load-balancer.arn}", listenerArn = "${https-listener.arn}", securityGroupId = "${alb-security-group.id}",
            dnsName = "${load-balancer.dnsName}", zoneId = "${load-balancer.zoneId}",
        }, "shard 0");
        TemplateAssert.Matches(shards[2], new
        {
            loadBalancerArn = "${preview-shard-2-load-balancer.arn}", listenerArn = "${preview-shard-2-https-listener.arn}",
            securityGroupId = "${preview-shard-2-alb-security-group.id}", dnsName = "${preview-shard-2-load-balancer.dnsName}",
        }, "shard 2");
    }

    [TestCase("0")]
    [TestCase("3000")]
    [TestCase("many")]
    [TestCase("1.5")]
    public void A_capacity_outside_1_to_2999_is_refused_naming_the_key(string value)
    {
        var error = Should.Throw<ConfigException>(() => StackCompiler.Compile(StackFixtures.FromStackFile("staging", $"previewCapacity={value}"), "staging"));

        error.Problems.Select(p => p.Key).ShouldBe(["deployments:previewCapacity"]);
        error.Message.ShouldContain("an integer from 1 to 2999");
    }

    [Test]
    public void More_than_one_load_balancer_needs_a_preview_domain()
    {
        var error = Should.Throw<ConfigException>(() => StackCompiler.Compile(
            StackFixtures.FromStackFile("staging", "previewCapacity=100", "!previewDomain"), "staging"));

        error.Problems.Select(p => p.Key).ShouldBe(["deployments:previewCapacity"]);
        error.Message.ShouldContain("needs previewDomain and hostedZoneId");
    }

    [Test]
    public void The_compiler_process_exits_3_naming_the_key()
    {
        var result = CompilerProcess.Run(new Dictionary<string, string?>(), "--stack", "staging", "--config", "previewCapacity=-4");

        result.ExitCode.ShouldBe(3);
        result.StdErr.ShouldContain("deployments:previewCapacity");
        result.StdOut.ShouldBeEmpty();
    }

    [Test]
    public void A_preview_on_shard_0_is_the_preview_it_always_was()
    {
        var unset = StackFixtures.Preview();
        var zero = StackFixtures.Preview("loadBalancerShard=0");

        zero.Root.ToJsonString().ShouldBe(unset.Root.ToJsonString());
        unset.Resource("listener-rule")["properties"]!["listenerArn"]!.GetValue<string>().ShouldBe("${parent.outputs[\"listenerArn\"]}");
        unset.ResourcesOfType("aws:route53:Record").ShouldBeEmpty();
    }

    [Test]
    public void A_preview_on_a_further_shard_uses_its_listener_and_group_and_gets_its_own_alias_record()
    {
        // Arrange / Act
        var template = StackFixtures.Preview("loadBalancerShard=2");
        var host = template.Output(OutputNames.Host)!.GetValue<string>();

        // Assert
        const string shard = "${parent.outputs[\"previewShards\"][\"shards\"][2]";
        template.Resource("listener-rule")["properties"]!["listenerArn"]!.GetValue<string>().ShouldBe(shard + "[\"listenerArn\"]}");
        TemplateAssert.Matches(template.Resource("service-security-group")["properties"], new
        {
            ingress = new[] { new { securityGroups = new[] { shard + "[\"securityGroupId\"]}" } } },
        }, "tasks group");
        TemplateAssert.Matches(template.Resource("host-record")["properties"], new
        {
            zoneId = "${parent.outputs[\"previewShards\"][\"hostedZoneId\"]}",
            name = host,
            type = "A",
            aliases = new[] { new { name = shard + "[\"dnsName\"]}", zoneId = shard + "[\"zoneId\"]}", evaluateTargetHealth = true } },
        }, "record");
    }

    [TestCase("31")]
    [TestCase("-1")]
    public void A_shard_outside_the_most_any_capacity_makes_is_refused(string value)
    {
        var error = Should.Throw<ConfigException>(() => StackCompiler.Compile(StackFixtures.FromAssignments([.. StackFixtures.PreviewConfig, $"loadBalancerShard={value}"]), "preview-x"));

        error.Problems.Select(p => p.Key).ShouldBe(["deployments:loadBalancerShard"]);
        error.Message.ShouldContain("an integer from 0 to 29");
    }

    [TestCase("shop", "staging", "shop-staging--s")]
    [TestCase("abcdefghijklmnop", "qrstuvwxyzabcde", "abcdefghijklmnop-q-d89da9d5--s")]
    public void Shard_names_are_the_environments_with_a_marker_no_environment_can_have(string app, string environment, string prefix)
    {
        // Arrange / Act
        var names = ShardNames.For(EnvironmentNames.For(app, environment));

        // Assert
        names.Prefix.ShouldBe(prefix);
        names.LoadBalancerName(1).ShouldBe(prefix + "1");
        names.LoadBalancerName(PreviewShardLayout.MaxShards - 1).Length.ShouldBeLessThanOrEqualTo(NameLimits.LoadBalancer);
        names.Pattern.ShouldBe(prefix + "*");
        // App and environment names never hold "--": no environment's load balancer matches the pattern.
        NameRules.TryValidateEnvironmentName($"{environment}--s1", out _).ShouldBeFalse();
    }

    [Test]
    public void The_preview_role_may_put_rules_on_the_shards_listeners_only_and_records_under_the_preview_domain_only()
    {
        // Arrange
        var template = StackFixtures.Staging("previewCapacity=250");
        var statements = ((System.Text.Json.Nodes.JsonObject)template.Resource("ci-preview-role-policy")["properties"]!["policy"]!["fn::toJSON"]!)["Statement"]!.AsArray();
        System.Text.Json.Nodes.JsonNode Statement(string sid) => statements.Single(x => x!["Sid"]!.GetValue<string>() == sid)!;
        static string Concrete(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, @"\$\{[^}]+\}", m => m.Value.Contains("partition", StringComparison.Ordinal) ? "aws" : "123456789012");
        var create = Statement("CreatePreviewRules")["Resource"]!.AsArray().Select(r => Concrete(r!.GetValue<string>())).ToList();

        // Assert: the environment's listener and its shards' (IAM's wildcard matching), nobody else's
        const string listener = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/{0}/50dc6c495c0c9188/f2f7dc8efc522ab2";
        bool Reaches(string loadBalancer) => create.Any(p => IamPattern.Matches(p, string.Format(System.Globalization.CultureInfo.InvariantCulture, listener, loadBalancer)));
        Reaches("shop-staging").ShouldBeTrue();
        Reaches("shop-staging--s1").ShouldBeTrue();
        Reaches("shop-staging--s29").ShouldBeTrue();
        Reaches("shop-staging-eu").ShouldBeFalse();
        Reaches("shop-stagingx").ShouldBeFalse();
        Reaches("shop-production").ShouldBeFalse();
        var records = Statement("PreviewRecords");
        records["Resource"]!.AsArray().Single()!.GetValue<string>().ShouldEndWith(":route53:::hostedzone/Z0123456789EXAMPLE");
        records["Condition"]!["ForAllValues:StringLike"]!["route53:ChangeResourceRecordSetsNormalizedRecordNames"]!.AsArray().Single()!.GetValue<string>()
            .ShouldBe("*.preview.shop.example.com");
        // Without shards, the policy is the one it always was.
        StackFixtures.Staging().Root.ToJsonString().ShouldNotContain("PreviewRecords");
    }
}
