using System.Text.Json;
using System.Text.Json.Nodes;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Compiler;

/// <summary>The compiler as a subprocess, started the way the Pulumi YAML host starts it.</summary>
[NonParallelizable]
public class CompilerProcessTests
{
    private static string ConfigJson(Deployments.Infra.Config.ConfigSource source) => JsonSerializer.Serialize(source.Values);

    [Test]
    public void Run_call_prints_only_the_stack_template_on_stdout()
    {
        // Arrange
        var source = StackFixtures.FromStackFile("staging");

        // Act
        var result = CompilerProcess.Run(CompilerProcess.RunEnvironment("staging", ConfigJson(source)));

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        var template = JsonNode.Parse(result.StdOut)!.AsObject();
        template["name"]!.GetValue<string>().ShouldBe("deployments");
        template["resources"]!.AsObject().Count.ShouldBeGreaterThan(20);
        TemplateReferences.Unresolved(template, []).ShouldBeEmpty();
        result.StdOut.ShouldBe(StackFixtures.CompileJson("staging", source));
    }

    [Test]
    public void Preview_run_call_resolves_every_reference()
    {
        var source = StackFixtures.FromAssignments([.. StackFixtures.PreviewConfig, "databaseStrategy=instance"]);

        var result = CompilerProcess.Run(CompilerProcess.RunEnvironment("preview-feature-login", ConfigJson(source)));

        result.ExitCode.ShouldBe(0, result.StdErr);
        TemplateReferences.Unresolved(JsonNode.Parse(result.StdOut)!.AsObject(), []).ShouldBeEmpty();
    }

    [Test]
    public void Discovery_call_without_a_stack_names_every_provider_package_and_exits_zero()
    {
        var result = CompilerProcess.Run(new Dictionary<string, string?>());

        result.ExitCode.ShouldBe(0, result.StdErr);
        var resources = JsonNode.Parse(result.StdOut)!["resources"]!.AsObject();
        var packages = resources.Select(r => r.Value!["type"]!.GetValue<string>()).ToList();
        packages.ShouldBe(new[] { "pulumi:providers:aws", "pulumi:providers:awsx", "pulumi:providers:docker-build", "pulumi:providers:random" });
        resources.All(r => r.Value!["options"]!["version"] is not null).ShouldBeTrue();
    }

    [Test]
    public void Every_package_a_shipped_stack_uses_is_named_by_the_discovery_call()
    {
        var discovered = JsonNode.Parse(CompilerProcess.Run(new Dictionary<string, string?>()).StdOut)!["resources"]!.AsObject()
            .Select(r => r.Value!["type"]!.GetValue<string>()["pulumi:providers:".Length..]).ToHashSet();
        var stacks = new[]
        {
            StackFixtures.Staging("!imageTag", "build={\"context\":\"./app\",\"sha\":\"abcdef1\"}"),
            StackFixtures.Production(),
            StackFixtures.Preview(),
        };

        foreach (var stack in stacks)
        {
            var used = stack.Resources.Select(r => r.Value!["type"]!.GetValue<string>())
                .Select(t => t.StartsWith("pulumi:providers:", StringComparison.Ordinal) ? t["pulumi:providers:".Length..] : t.Split(':')[0])
                .Where(p => p != "pulumi");
            used.Except(discovered).ShouldBeEmpty();
        }
    }

    [Test]
    public void Invalid_config_exits_non_zero_with_every_problem_on_stderr_and_nothing_on_stdout()
    {
        var source = StackFixtures.FromStackFile("staging", "cpu=3", "natGateways=Double");

        var result = CompilerProcess.Run(CompilerProcess.RunEnvironment("staging", ConfigJson(source)));

        result.ExitCode.ShouldBe(3);
        result.StdOut.ShouldBeEmpty();
        result.StdErr.ShouldContain("deployments:cpu: '3' is not allowed: an integer from 256 to 16384");
        result.StdErr.ShouldContain("deployments:natGateways: 'Double' is not allowed: one of None, Single, OnePerAz");
        result.StdErr.ShouldNotContain("   at ");
    }

    [Test]
    public void A_bad_release_strategy_exits_3_naming_the_key_and_what_is_allowed()
    {
        var source = StackFixtures.FromStackFile("staging", "releaseStrategy=blue-green", "linearStepBakeMinutes=2");

        var result = CompilerProcess.Run(CompilerProcess.RunEnvironment("staging", ConfigJson(source)));

        result.ExitCode.ShouldBe(3);
        result.StdOut.ShouldBeEmpty();
        result.StdErr.ShouldContain("deployments:linearStepBakeMinutes: applies only to releaseStrategy linear (this environment is 'blue-green')");
        result.StdErr.ShouldNotContain("   at ");
    }

    [Test]
    public void The_config_is_read_in_the_namespace_of_the_project_the_host_names()
    {
        // Arrange: a team's project "shop" keeps its keys as shop:kind, shop:imageTag, …
        var source = StackFixtures.FromStackFile("staging");
        var shop = source.Values.ToDictionary(v => v.Key.StartsWith("deployments:", StringComparison.Ordinal) ? "shop:" + v.Key["deployments:".Length..] : v.Key, v => v.Value);
        var environment = CompilerProcess.RunEnvironment("staging", JsonSerializer.Serialize(shop));
        environment["PULUMI_PROJECT"] = "shop";

        // Act
        var result = CompilerProcess.Run(environment);

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        JsonNode.Parse(result.StdOut)!["name"]!.GetValue<string>().ShouldBe("shop");
        TemplateAssert.FromJson(result.StdOut).HasResourceProperties("aws:ecs:Cluster", new { });
    }

    [Test]
    public void A_project_name_pulumi_would_refuse_is_invalid_config_naming_it()
    {
        var environment = CompilerProcess.RunEnvironment("staging", ConfigJson(StackFixtures.FromStackFile("staging")));
        environment["PULUMI_PROJECT"] = "shop app";

        var result = CompilerProcess.Run(environment);

        result.ExitCode.ShouldBe(3);
        result.StdOut.ShouldBeEmpty();
        result.StdErr.ShouldContain("PULUMI_PROJECT: names the project 'shop app', which is not allowed: a Pulumi project name");
        result.StdErr.ShouldNotContain("   at ");
    }

    [Test]
    public void Malformed_pulumi_config_is_a_clear_error()
    {
        var result = CompilerProcess.Run(CompilerProcess.RunEnvironment("staging", "{not json"));

        result.ExitCode.ShouldBe(3);
        result.StdErr.ShouldContain("PULUMI_CONFIG: must be a JSON object of strings");
        result.StdErr.ShouldNotContain("   at ");
    }

    [Test]
    public void Humans_render_a_stack_from_its_stack_file_with_overrides()
    {
        var result = CompilerProcess.Run(new Dictionary<string, string?>(), "--stack", "staging", "--config", "cpu=1024", "--config", "memory=2048");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldBe(StackFixtures.CompileJson("staging", StackFixtures.FromStackFile("staging", "cpu=1024", "memory=2048")));
    }

    [TestCase("--stak", "unknown argument '--stak'")]
    [TestCase("--stack", "--stack needs a value")]
    public void Bad_arguments_are_usage_errors(string arg, string message)
    {
        var result = CompilerProcess.Run(new Dictionary<string, string?>(), arg);

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain(message);
        result.StdOut.ShouldBeEmpty();
    }
}
