using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Deployments.Infra.Config;

/// <summary>
/// Builds the first document of a YAML text from the parser's events, without recursion and within bounds, so hostile
/// input is an error with a position instead of a crash: YamlStream.Load recurses once per nesting level (a stack
/// overflow on <c>[[[[…</c>) and accepts complex keys and aliases to an anchor still open (a cycle). Here nesting
/// stops at <see cref="MaxDepth"/>, mapping keys are plain scalars, and an alias must name a finished anchor. Aliases
/// share their node; <see cref="StackFileLoader"/> bounds what they expand to ("billion laughs",
/// https://en.wikipedia.org/wiki/Billion_laughs_attack).
/// </summary>
public static class BoundedYamlReader
{
    public const int MaxDepth = 64;

    /// <summary>The root node (null for an empty file) and where each node starts, for messages.</summary>
    public sealed record Document(YamlNode? Root, IReadOnlyDictionary<YamlNode, Mark> Positions)
    {
        public string Where(YamlNode node) => Positions.TryGetValue(node, out var at) ? $"line {at.Line}, column {at.Column}" : "";
    }

    public static Document ReadFirstDocument(TextReader text)
    {
        var positions = new Dictionary<YamlNode, Mark>(ReferenceEqualityComparer.Instance);
        var parser = new Parser(text);
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var open = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(YamlNode Node, string? Anchor, YamlNode? PendingKey)>();
        YamlNode? root = null;
        var last = Mark.Empty;
        while (Next(parser, last))
        {
            var e = parser.Current!;
            last = e.End;
            switch (e)
            {
                case StreamStart or DocumentStart: break;
                case DocumentEnd or StreamEnd: return new Document(root, positions);
                case MappingStart or SequenceStart:
                    if (stack.Count >= MaxDepth) throw Refused(e, $"nested more than {MaxDepth} levels deep");
                    var anchor = ((NodeEvent)e).Anchor.IsEmpty ? null : ((NodeEvent)e).Anchor.Value;
                    if (anchor is not null) open.Add(anchor);
                    YamlNode started = e is MappingStart ? new YamlMappingNode() : new YamlSequenceNode();
                    positions[started] = e.Start;
                    stack.Push((started, anchor, null));
                    break;
                case MappingEnd or SequenceEnd:
                    var (done, doneAnchor, _) = stack.Pop();
                    if (doneAnchor is not null) { open.Remove(doneAnchor); anchors[doneAnchor] = done; }
                    Add(ref root, stack, done, e);
                    break;
                case Scalar scalar:
                    var node = new YamlScalarNode(scalar.Value) { Style = scalar.Style };
                    positions[node] = e.Start;
                    if (!scalar.Anchor.IsEmpty) anchors[scalar.Anchor.Value] = node;
                    Add(ref root, stack, node, e);
                    break;
                case AnchorAlias alias:
                    if (open.Contains(alias.Value.Value)) throw Refused(e, $"the alias *{alias.Value.Value} refers to its own anchor (a cycle)");
                    if (!anchors.TryGetValue(alias.Value.Value, out var target)) throw Refused(e, $"the alias *{alias.Value.Value} has no anchor before it");
                    Add(ref root, stack, target, e);
                    break;
                default: break; // comments
            }
        }
        return new Document(root, positions);
    }

    // YamlDotNet's scanner throws InvalidOperationException on some malformed input (seen by ConfigFuzzTests) instead
    // of a YamlException: report it as a syntax error after the last good position.
    private static bool Next(Parser parser, Mark last)
    {
        try { return parser.MoveNext(); }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new StackFileException("not valid YAML after this point", last.Line, last.Column);
        }
    }

    private static void Add(ref YamlNode? root, Stack<(YamlNode Node, string? Anchor, YamlNode? PendingKey)> stack, YamlNode node, ParsingEvent at)
    {
        if (stack.Count == 0) { root = node; return; }
        var (parent, anchor, key) = stack.Pop();
        if (parent is YamlSequenceNode sequence) { sequence.Add(node); stack.Push((parent, anchor, null)); return; }
        var mapping = (YamlMappingNode)parent;
        if (key is null)
        {
            if (node is not YamlScalarNode) throw Refused(at, "a key must be a plain value, not a list or a mapping (complex keys are not config)");
            stack.Push((parent, anchor, node));
            return;
        }
        if (mapping.Children.ContainsKey(key)) throw Refused(at, "a key appears twice in the same mapping");
        mapping.Add(key, node);
        stack.Push((parent, anchor, null));
    }

    private static StackFileException Refused(ParsingEvent at, string message) => new(message, at.Start.Line, at.Start.Column);
}
