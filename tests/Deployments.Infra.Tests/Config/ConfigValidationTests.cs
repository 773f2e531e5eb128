using Deployments.Infra.Config;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Config;

/// <summary>Bad config is reported all at once, each problem naming its key and what is allowed.</summary>
public class ConfigValidationTests
{
    private static ConfigException Fails(string stack, ConfigSource source) =>
        Should.Throw<ConfigException>(() => StackCompiler.Compile(source, stack));

    [Test]
    public void Every_problem_is_reported_together()
    {
        // Arrange
        var source = StackFixtures.FromStackFile("staging", "cpu=300", "memory=lots", "aws:region=mars", "natGateways=Double", "typo=1");

        // Act
        var error = Fails("staging", source);

        // Assert
        error.Problems.Select(p => p.Key).Order().ShouldBe(new[]
        {
            "aws:region", "deployments:cpu", "deployments:memory", "deployments:natGateways", "deployments:typo",
        });
        error.Problems.Single(p => p.Key == "deployments:natGateways").Message.ShouldBe("'Double' is not allowed: one of None, Single, OnePerAz");
        error.Problems.Single(p => p.Key == "deployments:typo").Message.ShouldStartWith("is not a known key here; known keys: ");
    }

    [Test]
    public void Missing_required_keys_are_named()
    {
        var error = Fails("preview-x", StackFixtures.FromAssignments(["kind=preview"]));

        error.Problems.Select(p => p.Key).Order().ShouldBe(new[]
        {
            "aws:region", "deployments:branch", "deployments:imageTag", "deployments:migrationCommand", "deployments:parentStack", "deployments:rulePriority",
        });
        error.Message.ShouldContain("deployments:rulePriority: is required: a listener rule priority from 1 to 49998");
    }

    [Test]
    public void A_preview_never_takes_the_priority_of_the_environments_test_rule()
    {
        // 49999 is a blue/green, canary or linear environment's test rule on the same listener.
        PreviewSettingsReader.MaxPreviewPriority.ShouldBeLessThan(Deployments.Infra.Stacks.Environment.ReleaseResources.TestRulePriority);
        var error = Fails("preview-x", StackFixtures.FromAssignments([.. StackFixtures.PreviewConfig, "rulePriority=49999"]));

        error.Problems.Single().Key.ShouldBe("deployments:rulePriority");
        Should.NotThrow(() => StackCompiler.Compile(StackFixtures.FromAssignments([.. StackFixtures.PreviewConfig, "rulePriority=49998"]), "preview-x"));
    }

    [Test]
    public void Kind_is_required_and_closed()
    {
        Fails("x", StackFixtures.FromAssignments(["aws:region=eu-west-1"])).Problems.Single().Key.ShouldBe("deployments:kind");
        Fails("x", StackFixtures.FromAssignments(["aws:region=eu-west-1", "kind=prod"])).Problems.Single().Message
            .ShouldBe("'prod' is not allowed: one of environment, preview");
    }

    [TestCase("256", "4096", "deployments:memory")]
    [TestCase("256", "1536", "deployments:memory")]
    [TestCase("1024", "1536", "deployments:memory")]
    [TestCase("3000", "4096", "deployments:cpu")]
    public void Fargate_sizes_are_checked(string cpu, string memory, string key)
    {
        var error = Fails("staging", StackFixtures.FromStackFile("staging", $"cpu={cpu}", $"memory={memory}"));

        error.Problems.Single().Key.ShouldBe(key);
    }

    [TestCase("2048", "4096")]
    [TestCase("256", "2048")]
    [TestCase("16384", "122880")]
    public void Valid_fargate_sizes_pass(string cpu, string memory) =>
        Should.NotThrow(() => StackCompiler.Compile(StackFixtures.FromStackFile("staging", $"cpu={cpu}", $"memory={memory}"), "staging"));

    [Test]
    public void Existing_vpc_settings_must_come_together_and_not_mix_with_new_vpc_settings()
    {
        var error = Fails("staging", StackFixtures.FromStackFile("staging", "vpcId=vpc-0123456789abcdef0", "publicSubnetIds=[\"subnet-1\"]"));

        error.Message.ShouldContain("deployments:privateSubnetIds: is required when an existing VPC is used");
        error.Message.ShouldContain("deployments:publicSubnetIds: needs at least 2 subnets");
        error.Message.ShouldContain("deployments:publicSubnetIds: 'subnet-1' is not allowed");
        error.Message.ShouldContain("deployments:natGateways: applies only to a new VPC");
    }

    [Test]
    public void Secrets_must_be_arns_and_cannot_also_be_plain()
    {
        var error = Fails("staging", StackFixtures.FromStackFile("staging",
            "secrets={\"TOKEN\":\"hunter2\",\"APP_ENV\":\"arn:aws:ssm:eu-west-1:123456789012:parameter/x\"}"));

        error.Message.ShouldContain("deployments:secrets.TOKEN: is not allowed: an SSM parameter ARN");
        error.Message.ShouldContain("deployments:secrets.APP_ENV: is also set in env");
        // The rejected value is not a secret we may echo in full: the message names the key, not the value.
        error.Message.ShouldNotContain("hunter2");
    }

    [Test]
    public void Preview_defaults_are_validated_with_their_path()
    {
        var error = Fails("staging", StackFixtures.FromStackFile("staging", "previewDefaults={\"databaseStrategy\":\"shared\",\"cpuu\":1}"));

        error.Message.ShouldContain("deployments:previewDefaults.databaseStrategy: 'shared' is not allowed: one of none, sidecar, instance");
        error.Message.ShouldContain("deployments:previewDefaults.cpuu: is not a known key here");
    }

    [Test]
    public void Dns_names_need_a_hosted_zone()
    {
        var error = Fails("staging", StackFixtures.FromStackFile("staging", "!hostedZoneId"));

        error.Problems.Select(p => p.Key).Order().ShouldBe(new[] { "deployments:host", "deployments:previewDomain" });
    }

    [Test]
    public void Image_tag_and_build_are_exclusive()
    {
        var error = Fails("staging", StackFixtures.FromStackFile("staging", "build={\"context\":\".\",\"sha\":\"abcdef1\"}"));

        error.Problems.Single().Message.ShouldStartWith("must not be set together with build");
    }

    [Test]
    public void Sidecar_previews_cannot_keep_the_old_task_during_a_deploy()
    {
        var error = Fails("p", StackFixtures.FromAssignments([.. StackFixtures.PreviewConfig, "deploymentMinHealthyPercent=100"]));

        error.Problems.Single().Key.ShouldBe("deployments:deploymentMinHealthyPercent");
    }

    [Test]
    public void Encrypted_values_cannot_be_read_offline()
    {
        var file = Path.Combine(Path.GetTempPath(), $"Pulumi.enc-{Environment.ProcessId}.yaml");
        File.WriteAllText(file, "config:\n  aws:region: eu-west-1\n  deployments:token:\n    secure: AAABAKzS\n");
        try
        {
            var source = new ConfigSource();
            StackFileLoader.LoadInto(source, file, "deployments");

            source.LoadProblems.Single().ToString().ShouldBe("deployments:token: is encrypted (secure:) and cannot be decrypted offline; pass it with --config key=value");
        }
        finally { File.Delete(file); }
    }

    [Test]
    public void Stack_files_turn_objects_into_json_like_the_cli()
    {
        var source = StackFixtures.FromStackFile("staging");

        source.Values["deployments:env"].ShouldBe("{\"APP_ENV\":\"staging\",\"LOG_LEVEL\":\"info\"}");
        source.Values["deployments:cpu"].ShouldBe("512");
        source.Values["deployments:migrationCommand"].ShouldBe("[\"alembic\",\"upgrade\",\"head\"]");
    }
}
