using Deployments.Deployer.Errors;
using Deployments.Deployer.Pulumi;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Previews;

/// <summary>
/// Reads a parent environment from its <c>Pulumi.&lt;stack&gt;.yaml</c>, with the same validation the compiler
/// applies, for commands that must work without Pulumi (<c>plan</c>).
/// </summary>
public static class ParentFromStackFile
{
    /// <summary>The parent as named (<c>staging</c> or <c>org/project/staging</c>); its file is <c>Pulumi.staging.yaml</c>.</summary>
    public static (ParentInfo Parent, EnvironmentSettings Settings) Read(StackCompilation compilation, string projectDirectory, string stack)
    {
        var name = StackNames.Short(stack);
        var file = Path.Combine(projectDirectory, $"Pulumi.{name}.yaml");
        if (!File.Exists(file)) throw new UserInputException($"--parent: no stack file Pulumi.{name}.yaml in {projectDirectory}; the parent must be an environment stack of this project");
        var source = new ConfigSource();
        StackFileLoader.LoadInto(source, file, compilation.Project.Name);
        var (_, settings) = compilation.Environment(source, name);
        var scheme = settings.CertificateArn is not null || settings.Dns?.PreviewDomain is not null ? "https" : "http";
        var parent = new ParentInfo(stack, settings.App.AppName, settings.Region,
            settings.Dns?.PreviewDomain ?? "", scheme, settings.PreviewDefaults)
        {
            Host = settings.Dns?.Host,
            Shards = Shards.ShardMap.From(Infra.Stacks.Shards.PreviewShardLayout.For(settings.PreviewCapacity)),
        };
        return (parent, settings);
    }
}
