using Deployments.Deployer.Init;
using YamlDotNet.RepresentationModel;

namespace Deployments.Deployer.Tests.Init;

public class YamlScalarTests
{
    /// <summary>Values that would end, bend or retype a scalar if written as they are.</summary>
    public static readonly string[] Hostile =
    [
        "shop\nname: evil", "a: b", "a #comment", "- item", "&anchor", "*alias", "!!binary", "true", "No", "null", "~", "0x1F",
        "1.5", "", " leading", "trailing ", "\"quoted\"", "'single'", "back\\slash", "${{ secrets.AWS_SECRET }}", "{a: 1}", "[1, 2]",
        "? key", "| block", "> folded", "%TAG", "@at", "`tick`", "tab\there", "cr\rlf", "line\u2028separator", "bom\uFEFF", "nul\0",
        "émoji 🚀", "---", "...", "a,b", "#", "=",
    ];

    [TestCaseSource(nameof(Hostile))]
    public void A_written_scalar_reads_back_as_exactly_the_string(string value)
    {
        // Act
        var yaml = $"key: {YamlScalar.Write(value)}\nother: fixed\n";

        // Assert: one mapping of the two keys, the value a plain string equal to the input.
        var root = Load(yaml);
        root.Children.Count.ShouldBe(2, yaml);
        var scalar = (YamlScalarNode)root["key"];
        scalar.Value.ShouldBe(value);
        // A plain (unquoted) scalar is only ever a word no YAML reader retypes.
        if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain) value.ShouldMatch(@"^[A-Za-z/][A-Za-z0-9._/-]*\z");
        yaml.Split('\n').Length.ShouldBe(3);
    }

    [Test]
    public void A_sequence_reads_back_item_by_item()
    {
        var yaml = $"key: {YamlScalar.WriteSequence(Hostile)}\n";

        var items = ((YamlSequenceNode)Load(yaml)["key"]).Select(n => ((YamlScalarNode)n).Value).ToList();

        items.ShouldBe(Hostile);
    }

    [Test]
    public void Safe_words_stay_plain_and_typed_words_are_quoted()
    {
        YamlScalar.Write("eu-west-1").ShouldBe("eu-west-1");
        YamlScalar.Write("/health").ShouldBe("/health");
        YamlScalar.Write("yes").ShouldBe("\"yes\"");
        YamlScalar.Write("8080").ShouldBe("\"8080\"");
    }

    private static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
