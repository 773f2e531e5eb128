namespace Deployments.Infra.Config;

/// <summary>
/// The Pulumi project a stack belongs to. Its name is the namespace of the project's own config keys — Pulumi stores
/// <c>pulumi config set imageTag X</c> of a project named <c>shop</c> as <c>shop:imageTag</c>
/// (https://www.pulumi.com/docs/iac/concepts/config/) — and the middle part of a stack reference
/// (<c>org/shop/staging</c>). The one place that says where the name comes from: the YAML host's
/// <c>PULUMI_PROJECT</c> (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go), else the <c>name</c> of
/// Pulumi.yaml (https://www.pulumi.com/docs/iac/concepts/projects/project-file/), as the CLI would pass it.
/// </summary>
public sealed record PulumiProject
{
    /// <summary>This repository's own project; also the name used when nothing names one (the stack-less package discovery).</summary>
    public const string DefaultName = "deployments";

    public static readonly PulumiProject Default = new(DefaultName);

    private PulumiProject(string name) => Name = name;

    public string Name { get; }

    /// <summary>A key of this project's namespace (<c>imageTag</c> → <c>shop:imageTag</c>); a qualified key is kept as it is.</summary>
    public string Key(string key) => ConfigKeys.Qualify(key, Name);

    public static bool TryCreate(string? name, out PulumiProject project, out string message)
    {
        project = Default;
        if (name is null)
        {
            message = $"has no name; give the project a name: {ConfigPatterns.ProjectNameAllowed}";
            return false;
        }
        if (!ConfigPatterns.ProjectName().IsMatch(name))
        {
            message = $"names the project {ConfigReader.Shown(name)}, which is not allowed: {ConfigPatterns.ProjectNameAllowed}";
            return false;
        }
        project = new PulumiProject(name);
        message = "";
        return true;
    }

    /// <summary>
    /// The project as the compiler takes it: the host's <paramref name="hostProject"/> (<c>PULUMI_PROJECT</c>), else the
    /// name in <paramref name="projectFileText"/> (Pulumi.yaml, offline), else <see cref="Default"/>. A bad name is a
    /// problem naming where it came from, and the default stands in so every other problem is still found.
    /// </summary>
    public static PulumiProject Resolve(string? hostProject, string? projectFileText, out ConfigProblem? problem)
    {
        problem = null;
        if (hostProject is { Length: > 0 })
        {
            if (TryCreate(hostProject, out var hosted, out var message)) return hosted;
            problem = new ConfigProblem("PULUMI_PROJECT", message);
            return Default;
        }
        if (projectFileText is null) return Default;
        if (TryFromProjectFile(projectFileText, out var named, out var fileMessage)) return named;
        problem = new ConfigProblem("Pulumi.yaml", fileMessage);
        return Default;
    }

    /// <summary>The project of the Pulumi.yaml with this text (see <see cref="ProjectFileName"/>).</summary>
    public static bool TryFromProjectFile(string text, out PulumiProject project, out string message) =>
        TryCreate(ProjectFileName.Read(text), out project, out message);

    public override string ToString() => Name;
}
