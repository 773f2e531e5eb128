using Deployments.Deployer.Errors;

namespace Deployments.Deployer;

/// <summary>The Pulumi project the deployer works on: <c>--project-dir</c>, or the nearest directory up from here holding Pulumi.yaml.</summary>
public static class ProjectDirectory
{
    public const string ProjectName = Deployments.Infra.StackCompiler.DefaultProject;

    public static string Find(string? explicitDirectory)
    {
        if (explicitDirectory is not null)
        {
            var full = Path.GetFullPath(explicitDirectory);
            return File.Exists(Path.Combine(full, "Pulumi.yaml"))
                ? full
                : throw new UserInputException($"--project-dir: '{explicitDirectory}' has no Pulumi.yaml; pass the directory of the Deployments project");
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml"))) return dir.FullName;
        throw new UserInputException("no Pulumi.yaml in this directory or above it; run the deployer inside the project or pass --project-dir");
    }
}
