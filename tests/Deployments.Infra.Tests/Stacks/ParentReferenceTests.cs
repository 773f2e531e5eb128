using Deployments.Infra.Config;
using Deployments.Infra.Template;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Stacks;

/// <summary>
/// A preview's parent is referenced by its full <c>org/project/stack</c> name; a short <c>parentStack</c> takes the
/// preview's own organization and project (the YAML host's <c>PULUMI_ORGANIZATION</c>/<c>PULUMI_PROJECT</c>), so the
/// reference is right on Pulumi Cloud (the user's organization) as on DIY backends (the literal <c>organization</c>).
/// </summary>
public class ParentReferenceTests
{
    [TestCase("staging", "acme", "deployments", "acme/deployments/staging")]
    [TestCase("staging", "organization", "deployments", "organization/deployments/staging")]
    [TestCase("staging", "acme", "shop", "acme/shop/staging")]
    [TestCase("globex/staging", "acme", "shop", "globex/shop/staging")]
    [TestCase("globex/infra/development", "acme", "shop", "globex/infra/development")]
    public void The_reference_is_fully_qualified(string parent, string organization, string project, string expected)
    {
        var source = Preview(project, $"parentStack={parent}");

        var template = TemplateAssert.FromJson(TemplateSerializer.ToJson(StackCompiler.Compile(source, "preview-x", project, organization)));

        template.HasResourceProperties("pulumi:pulumi:StackReference", new { name = expected });
    }

    [TestCase("a/b/c/d")]
    [TestCase("../staging")]
    [TestCase("staging\n")]
    [TestCase("acme//staging")]
    [TestCase("")]
    public void A_malformed_parent_is_invalid_config_naming_the_key(string parent)
    {
        var source = Preview(PulumiProject.DefaultName, $"parentStack={parent}");

        var error = Should.Throw<ConfigException>(() => StackCompiler.Compile(source, "preview-x", PulumiProject.DefaultName, "acme"));

        error.Message.ShouldContain("parentStack");
    }

    private static ConfigSource Preview(string project, string parent)
    {
        var source = new ConfigSource();
        source.ApplyOverrides([.. StackFixtures.PreviewConfig.Where(c => !c.StartsWith("parentStack=", StringComparison.Ordinal)), parent], project);
        return source;
    }
}
