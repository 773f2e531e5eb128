using System.Reflection;
using System.Text.Json.Nodes;
using Deployments.Infra.Stacks;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Stacks;

/// <summary>
/// The output names the deployer and preview stacks read are the ones the stacks emit: every constant of
/// <see cref="OutputNames"/> is an output of a stack we ship (staging with its CI identities and previews, or a
/// preview), and every output a stack emits has its constant (so no stack emits a name written by hand).
/// </summary>
public class OutputNamesTests
{
    private static IReadOnlySet<string> Constants() => typeof(OutputNames).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> OutputsOf(string json) =>
        ((JsonObject)JsonNode.Parse(json)!["outputs"]!).Select(o => o.Key);

    private static IReadOnlySet<string> Emitted() =>
        OutputsOf(StackFixtures.CompileJson("staging", StackFixtures.FromStackFile("staging")))
            .Concat(OutputsOf(StackFixtures.CompileJson("staging", StackFixtures.FromStackFile("staging", "database=true"))))
            .Concat(OutputsOf(StackFixtures.CompileJson("staging", StackFixtures.FromStackFile("staging",
                "smokeTest={\"command\":[\"pytest\",\"tests/smoke\"]}", "notify={\"kind\":\"slack\",\"urlEnv\":\"DEPLOYMENTS_SLACK_URL\"}"))))
            .Concat(OutputsOf(StackFixtures.CompileJson("staging", StackFixtures.FromStackFile("staging", "releaseStrategy=blue-green"))))
            .Concat(OutputsOf(StackFixtures.CompileJson("staging", StackFixtures.FromStackFile("staging", "previewCapacity=250"))))
            .Concat(OutputsOf(StackFixtures.CompileJson("preview-x", StackFixtures.FromAssignments(StackFixtures.PreviewConfig))))
            .Concat(OutputsOf(StackFixtures.CompileJson("preview-x", StackFixtures.FromAssignments([.. StackFixtures.PreviewConfig,
                "schedule={\"days\":\"Mon\",\"start\":\"07:00\",\"stop\":\"20:00\",\"timeZone\":\"UTC\"}"]))))
            .ToHashSet(StringComparer.Ordinal);

    [Test]
    public void Every_constant_names_an_output_a_stack_emits() =>
        Constants().Except(Emitted()).ShouldBeEmpty();

    [Test]
    public void Every_output_a_stack_emits_has_its_constant() =>
        Emitted().Except(Constants()).ShouldBeEmpty();
}
