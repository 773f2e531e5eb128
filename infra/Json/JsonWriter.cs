using System.Globalization;
using System.Text;

namespace Deployments.Infra.Json;

/// <summary>
/// Writes JSON text: two-space indentation and "\n" (or compact), strings escaped per RFC 8259 with non-ASCII kept
/// as UTF-8. Deterministic by construction; the caller decides member order.
/// </summary>
public sealed class JsonWriter(bool indented)
{
    private readonly StringBuilder _text = new();
    // Whether the open object/array at each depth has items yet (an array: Stack<bool> is not precompiled).
    private bool[] _hasItems = new bool[16];
    private int _depth;
    private bool _afterName;

    public void StartObject() => Open('{');
    public void EndObject() => Close('}');
    public void StartArray() => Open('[');
    public void EndArray() => Close(']');

    public void Name(string name)
    {
        BeforeItem();
        AppendString(name);
        _text.Append(indented ? ": " : ":");
        _afterName = true;
    }

    public void String(string value) { BeforeItem(); AppendString(value); }
    public void Boolean(bool value) { BeforeItem(); _text.Append(value ? "true" : "false"); }
    public void Null() { BeforeItem(); _text.Append("null"); }
    public void Number(long value) { BeforeItem(); _text.Append(value.ToString(CultureInfo.InvariantCulture)); }
    public void Number(double value) { BeforeItem(); _text.Append(value.ToString("R", CultureInfo.InvariantCulture)); }

    public override string ToString() => _text.ToString();

    private void Open(char bracket)
    {
        BeforeItem();
        _text.Append(bracket);
        if (_depth == _hasItems.Length) Array.Resize(ref _hasItems, _depth * 2);
        _hasItems[_depth++] = false;
    }

    private void Close(char bracket)
    {
        if (_hasItems[--_depth]) NewLine(_depth);
        _text.Append(bracket);
    }

    private void BeforeItem()
    {
        if (_afterName) { _afterName = false; return; }
        if (_depth == 0) return;
        if (_hasItems[_depth - 1]) _text.Append(',');
        _hasItems[_depth - 1] = true;
        NewLine(_depth);
    }

    private void NewLine(int depth)
    {
        if (!indented) return;
        _text.Append('\n').Append(' ', 2 * depth);
    }

    private void AppendString(string value)
    {
        _text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\n': _text.Append("\\n"); break;
                case '\r': _text.Append("\\r"); break;
                case '\t': _text.Append("\\t"); break;
                // Control characters, and the line/paragraph separators YAML treats as line breaks.
                case < ' ' or '\u2028' or '\u2029' or '\u007f':
                    _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: _text.Append(c); break;
            }
        }
        _text.Append('"');
    }
}
