using System.CommandLine;

namespace Deployments.Deployer.Commands;

/// <summary>Options several commands share, defined once so they read the same everywhere.</summary>
public static class CommonOptions
{
    public const string ProjectDirName = "--project-dir";

    public static Option<string?> ProjectDir() => new(ProjectDirName) { Description = "Directory of Pulumi.yaml (default: the nearest one up from here)" };
    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON on stdout" };
    public static Option<string> Branch(bool required) => new("--branch") { Description = "Git branch of the preview", Required = required };
    public static Option<string?> ImageTag(bool required) => new("--image-tag") { Description = "Image tag to deploy (in the parent's repository)", Required = required };
    public static Option<string?> HeadRepository() => new("--head-repo")
    {
        Description = "The branch is in this other repository (owner/name, a fork's): the preview gets its own stack and names",
    };
    public static Option<string> Parent() => new("--parent") { Description = "Parent environment stack of previews", DefaultValueFactory = _ => "staging" };
}
