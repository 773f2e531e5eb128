using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>
/// The template for the stack-less call. The YAML host runs the compiler without PULUMI_STACK to learn which
/// provider plugins to install (GetRequiredPackages; an error there is fatal to preview/up, https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go), and
/// reads each package's version from the first resource using it (§1.6). Every package any stack may use is named
/// here by a provider resource; this template is never deployed.
/// </summary>
public static class DiscoveryStack
{
    public static PulumiTemplate Build(string project)
    {
        var template = new PulumiTemplate(project, "Package discovery: the providers any stack of this project may use");
        foreach (var (package, version) in Packages)
        {
            template.Add(new TemplateResource($"{package}-provider", $"pulumi:providers:{package}", new Props(),
                new ResourceOptions { Version = version }));
        }
        return template;
    }

    public static IReadOnlyList<(string Package, string Version)> Packages { get; } =
    [
        ("aws", ProviderVersions.Aws),
        ("awsx", ProviderVersions.Awsx),
        ("docker-build", ProviderVersions.DockerBuild),
        ("random", ProviderVersions.Random),
    ];
}
