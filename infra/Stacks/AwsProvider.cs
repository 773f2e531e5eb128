using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>
/// The stack's default AWS provider, explicit so that every resource gets the stack's tags (<c>defaultTags</c>)
/// and the region comes from the stack's <c>aws:region</c>.
/// </summary>
public static class AwsProvider
{
    public static TemplateResource Add(PulumiTemplate template, string region, IReadOnlyDictionary<string, string> tags) =>
        template.Add(new TemplateResource(LogicalNames.Provider, "pulumi:providers:aws", new Props
        {
            ["region"] = region,
            ["defaultTags"] = new Props { ["tags"] = Props.Sorted(tags) },
        }, new ResourceOptions { Version = ProviderVersions.Aws }) { DefaultProvider = true });
}
