using Deployments.Deployer.Errors;
using Deployments.Infra.Config;

namespace Deployments.Deployer;

/// <summary>The Pulumi project the deployer works on: <c>--project-dir</c>, or the nearest directory up from here holding Pulumi.yaml.</summary>
public static class ProjectDirectory
{
    /// <summary>
    /// The project's config namespace, in which the deployer reads and writes its keys (<c>deployments:imageTag</c>):
    /// a project's own keys are namespaced by its name (https://www.pulumi.com/docs/iac/concepts/config/), so
    /// <see cref="Find"/> refuses a Pulumi.yaml of another name rather than write keys the compiler would not read.
    /// Stack references do not depend on it: the compiler takes the project from the YAML host.
    /// </summary>
    public const string ProjectName = Deployments.Infra.StackCompiler.DefaultProject;

    public static string Find(string? explicitDirectory)
    {
        if (explicitDirectory is not null)
        {
            var full = Path.GetFullPath(explicitDirectory);
            return File.Exists(Path.Combine(full, "Pulumi.yaml"))
                ? RequireName(full)
                : throw new UserInputException($"--project-dir: '{explicitDirectory}' has no Pulumi.yaml; pass the directory of the Deployments project");
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml"))) return RequireName(dir.FullName);
        throw new UserInputException("no Pulumi.yaml in this directory or above it; run deployments in the project's directory (or below it) or pass --project-dir");
    }

    private static string RequireName(string directory)
    {
        var name = ProjectFileName.Read(File.ReadAllText(Path.Combine(directory, "Pulumi.yaml")));
        return name == ProjectName
            ? directory
            : throw new UserInputException($"Pulumi.yaml in {directory}: the project is named {(name is null ? "nothing" : ConfigReader.Shown(name))}; deployments works on the project '{ProjectName}', whose config keys are '{ProjectName}:…'");
    }
}
