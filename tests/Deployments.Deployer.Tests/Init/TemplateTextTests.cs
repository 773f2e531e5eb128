using Deployments.Deployer.Init;

namespace Deployments.Deployer.Tests.Init;

public class TemplateTextTests
{
    [Test]
    public void Placeholders_are_filled_and_guarded_lines_kept_only_with_a_value()
    {
        var template = "a: @@x@@\n@@?y@@b: @@y@@\n@@?z@@c: @@z@@\n";

        var text = TemplateText.Render(template, new Dictionary<string, string?> { ["x"] = "1", ["y"] = "2", ["z"] = null });

        text.ShouldBe("a: 1\nb: 2\n");
    }

    [Test]
    public void A_value_is_inserted_once_never_expanded_again()
    {
        var text = TemplateText.Render("a: @@x@@\n", new Dictionary<string, string?> { ["x"] = "@@y@@", ["y"] = "injected" });

        text.ShouldBe("a: @@y@@\n");
    }

    [Test]
    public void A_placeholder_without_a_value_is_a_bug_not_an_empty_string()
    {
        Should.Throw<InvalidOperationException>(() => TemplateText.Render("a: @@x@@\n", new Dictionary<string, string?>()));
        Should.Throw<InvalidOperationException>(() => TemplateText.Render("a: @@x@@\n", new Dictionary<string, string?> { ["x"] = null }));
    }

    [Test]
    public void Every_embedded_template_is_there()
    {
        ScaffoldTemplates.Names().ShouldBe(
        [
            "Pulumi.production.yaml", "Pulumi.staging.yaml", "Pulumi.yaml", "deploy.yml", "dotnet-tools.json", "drift.yml", "infra.yml", "migrate.yml", "preview.yml",
            "rollback.yml", "sweep.yml",
        ]);
    }
}
