using Deployments.Infra.Template;

namespace Deployments.Infra.Tests.Template;

public class TemplateSerializerTests
{
    [TestCase("plain", "plain")]
    [TestCase("cost ${5}", "cost $${5}")]
    [TestCase("${a}${b}", "$${a}$${b}")]
    [TestCase("$5 and {x}", "$5 and {x}")]
    [TestCase("", "")]
    public void Literal_strings_escape_interpolation(string literal, string expected) =>
        Literal.Escape(literal).ShouldBe(expected);

    [Test]
    public void Expressions_are_written_verbatim_and_literals_escaped()
    {
        // Arrange
        var template = new PulumiTemplate("p", "d");
        template.Add(new TemplateResource("r", "aws:ecs:Cluster", new Props
        {
            ["literal"] = "${not-a-ref}",
            ["expr"] = Expr.Ref("other", "arn"),
            ["mixed"] = Expr.Interpolate("https://", Expr.Ref("alb", "dnsName"), "/${x}"),
            ["omitted"] = null,
        }));

        // Act
        var json = TemplateSerializer.ToJson(template);

        // Assert
        json.ShouldContain("\"literal\": \"$${not-a-ref}\"");
        json.ShouldContain("\"expr\": \"${other.arn}\"");
        json.ShouldContain("\"mixed\": \"https://${alb.dnsName}/$${x}\"");
        json.ShouldNotContain("omitted");
    }

    [Test]
    public void Output_uses_two_space_indent_lf_and_readable_unicode()
    {
        var template = new PulumiTemplate("p", "branch ünï 日本");

        var json = TemplateSerializer.ToJson(template);

        json.ShouldNotContain("\r");
        json.ShouldContain("\n  \"description\": \"branch ünï 日本\"");
        json.ShouldEndWith("}\n");
    }

    [Test]
    public void Declaring_a_name_twice_is_refused()
    {
        var template = new PulumiTemplate("p", "d");
        template.Add(new TemplateResource("a", "t", new Props()));

        Should.Throw<InvalidOperationException>(() => template.Add(new TemplateResource("a", "t", new Props())))
            .Message.ShouldContain("'a' is declared twice");
        Should.Throw<InvalidOperationException>(() => template.AddVariable("a", "x"));
    }

    [Test]
    public void Resource_options_render_only_what_is_set()
    {
        var template = new PulumiTemplate("p", "d");
        template.Add(new TemplateResource("a", "t", new Props(), new ResourceOptions { Protect = true, DependsOn = ["b"], IgnoreChanges = ["desiredCount"] }));
        template.Add(new TemplateResource("b", "t", new Props(), new ResourceOptions()));

        var root = System.Text.Json.Nodes.JsonNode.Parse(TemplateSerializer.ToJson(template))!;

        root["resources"]!["a"]!["options"]!.ToJsonString().ShouldBe("{\"protect\":true,\"dependsOn\":[\"${b}\"],\"ignoreChanges\":[\"desiredCount\"]}");
        root["resources"]!["b"]!.AsObject().ContainsKey("options").ShouldBeFalse();
    }
}
