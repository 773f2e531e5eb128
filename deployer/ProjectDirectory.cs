using Deployments.Deployer.Errors;
using Deployments.Infra.Config;

namespace Deployments.Deployer;

/// <summary>
/// The Pulumi project the deployer works on: <c>--project-dir</c>, or the nearest directory up from here holding
/// Pulumi.yaml, and the project that file names. The deployer reads and writes its keys in that project's namespace
/// (<c>shop:imageTag</c> for <c>name: shop</c>, https://www.pulumi.com/docs/iac/concepts/config/), the namespace the
/// compiler reads under the YAML host, which passes it the same name (<see cref="PulumiProject"/>).
/// </summary>
public sealed record ProjectDirectory(string Path, PulumiProject Project)
{
    public static ProjectDirectory Find(string? explicitDirectory)
    {
        if (explicitDirectory is not null)
        {
            var full = System.IO.Path.GetFullPath(explicitDirectory);
            return File.Exists(ProjectFile(full))
                ? Open(full)
                : throw new UserInputException($"--project-dir: '{explicitDirectory}' has no Pulumi.yaml; pass the directory of the Deployments project");
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(ProjectFile(dir.FullName))) return Open(dir.FullName);
        throw new UserInputException("no Pulumi.yaml in this directory or above it; run the deployer inside the project or pass --project-dir");
    }

    private static string ProjectFile(string directory) => System.IO.Path.Combine(directory, "Pulumi.yaml");

    // Refused before any call: a project without a usable name has no namespace to keep the deployer's keys in.
    private static ProjectDirectory Open(string directory) =>
        PulumiProject.TryFromProjectFile(File.ReadAllText(ProjectFile(directory)), out var project, out var message)
            ? new ProjectDirectory(directory, project)
            : throw new UserInputException($"Pulumi.yaml in {directory} {message}");
}
