namespace Deployments.Infra.Template;

/// <summary>
/// Escaping of literal strings. In Pulumi YAML every string in an expression position is interpolated,
/// so a literal <c>${</c> must be written <c>$${</c> (language reference, "Interpolation").
/// This is the only place that escapes.
/// </summary>
public static class Literal
{
    public static string Escape(string value) =>
        value.Contains("${", StringComparison.Ordinal) ? value.Replace("${", "$${", StringComparison.Ordinal) : value;
}
