using Deployments.Infra.Json;

namespace Deployments.Infra.Tests.Json;

public class JsonWriterTests
{
    [TestCase("plain", "\"plain\"")]
    [TestCase("quote\" back\\slash", "\"quote\\\" back\\\\slash\"")]
    [TestCase("line\nbreak\ttab", "\"line\\nbreak\\ttab\"")]
    [TestCase("\u0001\u2028", "\"\\u0001\\u2028\"")]
    [TestCase("ünï 日本 🚀", "\"ünï 日本 🚀\"")]
    public void Strings_are_escaped_per_rfc_8259_and_keep_unicode(string value, string expected)
    {
        var writer = new JsonWriter(indented: false);

        writer.String(value);

        writer.ToString().ShouldBe(expected);
    }

    [Test]
    public void Indented_output_matches_the_two_space_layout()
    {
        var writer = new JsonWriter(indented: true);
        writer.StartObject();
        writer.Name("a");
        writer.StartArray();
        writer.Number(1);
        writer.Boolean(true);
        writer.EndArray();
        writer.Name("empty");
        writer.StartObject();
        writer.EndObject();
        writer.EndObject();

        writer.ToString().ShouldBe("{\n  \"a\": [\n    1,\n    true\n  ],\n  \"empty\": {}\n}");
    }

    [Test]
    public void Everything_written_parses_back_with_system_text_json()
    {
        // Arrange: strings covering every escape class, written by us, read by an independent parser.
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var chars = Enumerable.Range(0, random.Next(0, 20)).Select(_ => (char)random.Next(0, 0x3000)).Where(c => !char.IsSurrogate(c)).ToArray();
            var value = new string(chars);
            var writer = new JsonWriter(indented: false);

            // Act
            writer.String(value);

            // Assert
            System.Text.Json.JsonSerializer.Deserialize<string>(writer.ToString()).ShouldBe(value);
        }
    }
}
