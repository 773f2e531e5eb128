namespace Deployments.Deployer.Init;

/// <summary>The templates init fills: our own files under deployer/Init/Templates, embedded in the assembly.</summary>
public static class ScaffoldTemplates
{
    private const string Prefix = "Deployments.Init.Templates.";

    public static string Read(string name)
    {
        using var stream = typeof(ScaffoldTemplates).Assembly.GetManifestResourceStream(Prefix + name + ".template")
            ?? throw new InvalidOperationException($"template {name} is not embedded (a build error)");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<string> Names() =>
        typeof(ScaffoldTemplates).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".template", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".template".Length]).Order(StringComparer.Ordinal).ToList();
}
