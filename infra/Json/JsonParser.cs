using System.Globalization;
using System.Text;

namespace Deployments.Infra.Json;

/// <summary>
/// A small strict JSON parser (RFC 8259) for config values. The compiler does not use System.Text.Json: loading it
/// costs about 20 ms of start-up, paid on every call of the YAML host (bench/compiler-startup.py).
/// </summary>
public sealed class JsonParser
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _at;

    private JsonParser(string text) => _text = text;

    /// <summary>Parses one JSON document; throws <see cref="FormatException"/> naming the position of the first error.</summary>
    public static JsonValue Parse(string text)
    {
        var parser = new JsonParser(text);
        var value = parser.Value(0);
        parser.SkipSpace();
        if (parser._at != text.Length) throw parser.Error("unexpected text after the value");
        return value;
    }

    public static bool TryParse(string text, out JsonValue? value)
    {
        try { value = Parse(text); return true; }
        catch (FormatException) { value = null; return false; }
    }

    private JsonValue Value(int depth)
    {
        if (depth > MaxDepth) throw Error("nested too deeply");
        SkipSpace();
        if (_at >= _text.Length) throw Error("unexpected end");
        var start = _at;
        switch (_text[_at])
        {
            case '{': return Object(start, depth);
            case '[': return Array(start, depth);
            case '"': var s = String(); return new JsonValue(JsonKind.String, _text[start.._at]) { Text = s };
            case 't': Literal("true"); return new JsonValue(JsonKind.Boolean, "true");
            case 'f': Literal("false"); return new JsonValue(JsonKind.Boolean, "false");
            case 'n': Literal("null"); return new JsonValue(JsonKind.Null, "null");
            default: Number(); return new JsonValue(JsonKind.Number, _text[start.._at]);
        }
    }

    private JsonValue Object(int start, int depth)
    {
        _at++;
        var members = new List<JsonMember>();
        SkipSpace();
        if (Peek() == '}') { _at++; return new JsonValue(JsonKind.Object, _text[start.._at]) { Members = members }; }
        while (true)
        {
            SkipSpace();
            if (Peek() != '"') throw Error("expected a member name in quotes");
            var name = String();
            SkipSpace();
            Expect(':');
            members.Add(new JsonMember(name, Value(depth + 1)));
            SkipSpace();
            if (Peek() == ',') { _at++; continue; }
            Expect('}');
            return new JsonValue(JsonKind.Object, _text[start.._at]) { Members = members };
        }
    }

    private JsonValue Array(int start, int depth)
    {
        _at++;
        var items = new List<JsonValue>();
        SkipSpace();
        if (Peek() == ']') { _at++; return new JsonValue(JsonKind.Array, _text[start.._at]) { Items = items }; }
        while (true)
        {
            items.Add(Value(depth + 1));
            SkipSpace();
            if (Peek() == ',') { _at++; continue; }
            Expect(']');
            return new JsonValue(JsonKind.Array, _text[start.._at]) { Items = items };
        }
    }

    private string String()
    {
        _at++;
        var text = new StringBuilder();
        while (true)
        {
            if (_at >= _text.Length) throw Error("unterminated string");
            var c = _text[_at++];
            if (c == '"') return text.ToString();
            if (c < ' ') throw Error("control character in a string");
            if (c != '\\') { text.Append(c); continue; }
            if (_at >= _text.Length) throw Error("unterminated escape");
            var e = _text[_at++];
            text.Append(e switch
            {
                '"' => '"', '\\' => '\\', '/' => '/', 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t',
                'u' => Unicode(),
                _ => throw Error($"invalid escape '\\{e}'"),
            });
        }
    }

    private char Unicode()
    {
        if (_at + 4 > _text.Length || !int.TryParse(_text.AsSpan(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            throw Error("invalid \\u escape");
        _at += 4;
        return (char)code;
    }

    private void Number()
    {
        var start = _at;
        if (Peek() == '-') _at++;
        if (!Digits()) throw Error("expected a value");
        if (_text[start] == '-' ? _at - start > 2 && _text[start + 1] == '0' : _at - start > 1 && _text[start] == '0') throw Error("leading zero");
        if (Peek() == '.') { _at++; if (!Digits()) throw Error("expected digits after '.'"); }
        if (Peek() is 'e' or 'E')
        {
            _at++;
            if (Peek() is '+' or '-') _at++;
            if (!Digits()) throw Error("expected exponent digits");
        }
    }

    private bool Digits()
    {
        var start = _at;
        while (_at < _text.Length && char.IsAsciiDigit(_text[_at])) _at++;
        return _at > start;
    }

    private void Literal(string word)
    {
        if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0) throw Error("expected a value");
        _at += word.Length;
    }

    private void Expect(char c)
    {
        if (Peek() != c) throw Error($"expected '{c}'");
        _at++;
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private void SkipSpace()
    {
        while (_at < _text.Length && _text[_at] is ' ' or '\t' or '\n' or '\r') _at++;
    }

    private FormatException Error(string what) => new($"{what} at position {_at}");
}
