namespace Deployments.Infra.Template;

/// <summary>A template variable or output: a name and its value (a literal, an expression or a built-in call).</summary>
public sealed record NamedValue(string Name, object Value);
