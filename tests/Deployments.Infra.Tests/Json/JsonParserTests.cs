using Deployments.Infra.Json;

namespace Deployments.Infra.Tests.Json;

public class JsonParserTests
{
    [TestCase("{}", JsonKind.Object)]
    [TestCase(" [1, -2.5e3, true, false, null, \"x\"] ", JsonKind.Array)]
    [TestCase("\"\\u00fc\\n\\\"\"", JsonKind.String)]
    [TestCase("0", JsonKind.Number)]
    [TestCase("-0.5", JsonKind.Number)]
    public void Valid_documents_parse(string text, JsonKind kind) =>
        JsonParser.Parse(text).Kind.ShouldBe(kind);

    [TestCase("", "unexpected end at position 0")]
    [TestCase("{not json", "expected a member name in quotes at position 1")]
    [TestCase("[1,]", "expected a value at position 3")]
    [TestCase("{\"a\":1} x", "unexpected text after the value at position 8")]
    [TestCase("01", "leading zero at position 2")]
    [TestCase("\"tab\there\"", "control character in a string at position 5")]
    [TestCase("\"\\x\"", "invalid escape '\\x' at position 3")]
    [TestCase("tru", "expected a value at position 0")]
    public void Invalid_documents_fail_with_the_position(string text, string message) =>
        Should.Throw<FormatException>(() => JsonParser.Parse(text)).Message.ShouldBe(message);

    [Test]
    public void Members_keep_their_source_text_and_strings_their_decoded_value()
    {
        var root = JsonParser.Parse("{\"env\": {\"A\": \"1\"}, \"n\": 3, \"s\": \"a\\/b\", \"list\": [\"x\"]}");

        root.Member("env")!.Raw.ShouldBe("{\"A\": \"1\"}");
        root.Member("n")!.AsConfigString().ShouldBe("3");
        root.Member("s")!.AsConfigString().ShouldBe("a/b");
        root.Member("list")!.Items.Single().Text.ShouldBe("x");
        root.Member("missing").ShouldBeNull();
    }

    [Test]
    public void Deep_nesting_is_refused_rather_than_overflowing_the_stack() =>
        Should.Throw<FormatException>(() => JsonParser.Parse(new string('[', 100) + new string(']', 100))).Message.ShouldStartWith("nested too deeply");
}
