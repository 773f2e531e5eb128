using System.Reflection;
using System.Text.Json;
using Deployments.Deployer.Previews;
using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Template;

namespace Deployments.Deployer.Tests.Previews;

/// <summary>
/// An environment's <c>previewDefaults</c> travel three ways — written as its output by the compiler, read back by the
/// deployer from the parent's outputs, set as the preview's config, read by the compiler again — through one mapping
/// (PreviewDefaultsOutput). Every member, set to a value other than its default, must arrive unchanged at the end:
/// a member mapped on one side only, or a property the mapping forgets, fails here.
/// </summary>
public class PreviewDefaultsMappingTests
{
    private static readonly StackCompilation Compilation = new(PulumiProject.Default, null);

    // Every member away from its default; egress open and extra rules exclude each other, hence two cases.
    private const string Members = """
        "cpu": 1024, "memory": 4096, "spot": false, "logRetentionDays": 14, "containerPort": 9090,
        "healthCheckPath": "/ready", "healthCheckGraceSeconds": 45, "migrationCommand": ["rake", "db:migrate"],
        "env": {"B": "2", "A": "1"}, "secrets": {"TOKEN": "arn:aws:ssm:eu-west-1:123456789012:parameter/shop/token"},
        "databaseStrategy": "instance", "smokeTest": {"command": ["pytest", "tests/smoke"], "timeoutSeconds": 90},
        "schedule": {"days": "Mon,Wed-Fri", "start": "21:30", "stop": "06:15", "timeZone": "America/New_York"}
        """;

    [TestCase("\"taskEgressRules\": [\"tcp:6379:10.0.0.0/16\"]")]
    [TestCase("\"taskEgressOpen\": true")]
    public void Every_member_survives_the_parents_output_and_the_previews_config(string egress)
    {
        // Arrange: staging with every preview default set
        var source = new ConfigSource();
        StackFileLoader.LoadInto(source, Path.Combine(RepoRoot.Dir, "Pulumi.staging.yaml"), PulumiProject.DefaultName);
        source.Set(PulumiProject.Default.Key("previewDefaults"), $"{{{Members}, {egress}}}");
        var (template, staging) = Compilation.Environment(source, "staging");
        var written = staging.PreviewDefaults;

        // Act: the output as the backend returns it, read as the deployer reads a parent, then a preview's config
        var outputs = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(OutputsJson(template, staging))!;
        var parent = ParentFromOutputs.Read("staging", outputs);
        var request = PreviewInputs.Validate("feature/login", "3f9a2c1");
        var names = PreviewNames.For(parent.AppName, request.Source);
        var (_, preview) = Compilation.Preview(Compilation.Source(PreviewConfigBuilder.Build(parent, request, 17)), names.StackName);

        // Assert
        foreach (var property in Properties)
            Json(property.GetValue(parent.Defaults)).ShouldBe(Json(property.GetValue(written)), $"previewDefaults.{property.Name} read back from the parent's output");
        Json(written.TaskEgress).ShouldNotBe(Json(EgressSettings.Restricted), "the case sets egress away from its default");
        written.SmokeTest.ShouldNotBeNull();
        PreviewConfigBuilder.Build(parent, request, 17).Keys.ShouldNotContain(k => k.EndsWith("smokeTest", StringComparison.Ordinal), "the command stays the parent's");
        preview.App.Cpu.ShouldBe(written.Cpu);
        preview.App.Spot.ShouldBe(written.Spot);
        preview.App.LogRetentionDays.ShouldBe(written.LogRetentionDays);
        preview.App.Memory.ShouldBe(written.Memory);
        preview.App.ContainerPort.ShouldBe(written.ContainerPort);
        preview.App.HealthCheckPath.ShouldBe(written.HealthCheckPath);
        preview.App.HealthCheckGraceSeconds.ShouldBe(written.HealthCheckGraceSeconds);
        Json(preview.App.MigrationCommand).ShouldBe(Json(written.MigrationCommand));
        Json(preview.App.Environment).ShouldBe(Json(written.Environment));
        Json(preview.App.Secrets).ShouldBe(Json(written.Secrets));
        preview.DatabaseStrategy.ShouldBe(written.DatabaseStrategy);
        Json(preview.TaskEgress).ShouldBe(Json(written.TaskEgress));
        written.Schedule.ShouldNotBeNull();
        Json(preview.Schedule).ShouldBe(Json(written.Schedule));
    }

    [Test]
    public void The_mapping_names_every_property_of_the_preview_defaults()
    {
        var sample = new PreviewDefaults(256, 512, true, 3, 8080, "/health", 30, ["migrate"], new Dictionary<string, string>(), new Dictionary<string, string>(), "none")
        {
            // Present only when there is one (an unscheduled parent's output is unchanged).
            Schedule = new PreviewSchedule([DayOfWeek.Monday], new TimeOnly(7, 0), new TimeOnly(20, 0), "UTC"),
        };

        // One member per property: a property added to the record but not to the mapping is missing here. TaskEgress is
        // two members; SmokeTest is none — it is read back from the parent on every deploy, never set as the preview's config.
        Infra.Stacks.PreviewDefaultsOutput.Members(sample).Count.ShouldBe(Properties.Count + 1 - 1);
    }

    private static readonly IReadOnlyList<PropertyInfo> Properties =
        typeof(PreviewDefaults).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract").ToList();

    // Maps compare as sets of pairs: the output sorts them.
    private static string Json(object? value) => value is IReadOnlyDictionary<string, string> map
        ? JsonSerializer.Serialize(new SortedDictionary<string, string>(map.ToDictionary(), StringComparer.Ordinal))
        : JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object));

    // The outputs whose values are literals (previewDefaults and the names around it), as `stack output --json` gives them.
    private static string OutputsJson(PulumiTemplate template, EnvironmentSettings staging)
    {
        var rendered = JsonDocument.Parse(TemplateSerializer.ToJson(template)).RootElement.GetProperty("outputs");
        var outputs = new Dictionary<string, object?>
        {
            [Infra.Stacks.OutputNames.PreviewDefaults] = rendered.GetProperty(Infra.Stacks.OutputNames.PreviewDefaults),
            [Infra.Stacks.OutputNames.AppName] = staging.App.AppName,
            [Infra.Stacks.OutputNames.Region] = staging.Region,
            [Infra.Stacks.OutputNames.PreviewDomain] = staging.Dns?.PreviewDomain ?? "",
            [Infra.Stacks.OutputNames.UrlScheme] = "https",
            [Infra.Stacks.OutputNames.Url] = "https://" + staging.Dns?.Host,
        };
        return JsonSerializer.Serialize(outputs);
    }
}
