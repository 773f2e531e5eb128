using Deployments.Deployer.Errors;
using Deployments.Deployer.Pulumi;
using Deployments.Infra;
using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Deployer.Previews;

/// <summary>
/// The deployer's one door to the compiler, in the project's namespace: one compile of a stack gives its template
/// and its validated settings together (the compiler's own readers, one source of truth), so no command compiles
/// the same stack twice for them. Each compile is counted in the run's <see cref="PulumiStats"/>
/// (<c>DEPLOYMENTS_TIMINGS</c> prints it).
/// </summary>
public sealed class StackCompilation(PulumiProject project, PulumiStats? stats)
{
    public PulumiProject Project => project;

    public (PulumiTemplate Template, EnvironmentSettings Settings) Environment(ConfigSource source, string stack)
    {
        var compiled = Compile(source, stack);
        return compiled.Environment is { } settings ? (compiled.Template, settings) : throw WrongKind(stack, "preview", "environment");
    }

    public (PulumiTemplate Template, PreviewSettings Settings) Preview(ConfigSource source, string stack)
    {
        var compiled = Compile(source, stack);
        return compiled.Preview is { } settings ? (compiled.Template, settings) : throw WrongKind(stack, "environment", "preview");
    }

    /// <summary>A config source over <paramref name="config"/>, its keys (short or qualified) in the project's namespace.</summary>
    public ConfigSource Source(IReadOnlyDictionary<string, string> config)
    {
        var source = new ConfigSource();
        foreach (var (key, value) in config) source.Set(project.Key(key), value);
        return source;
    }

    // Compiling validates everything and reports every problem at once.
    private CompiledStack Compile(ConfigSource source, string stack)
    {
        stats?.RecordCompile();
        try { return StackCompiler.CompileStack(source, stack, project.Name); }
        catch (ConfigException e) { throw new UserInputException($"stack '{stack}': {e.Message}"); }
    }

    private static UserInputException WrongKind(string stack, string actual, string wanted) =>
        new($"stack '{stack}' has kind '{actual}', not '{wanted}'");
}
