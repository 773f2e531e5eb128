namespace Deployments.Infra.Stacks;

/// <summary>
/// Provider plugin versions, pinned. The YAML host reads <c>options.version</c> of the first resource of each package
/// to install the plugin (https://www.pulumi.com/docs/iac/languages-sdks/yaml/yaml-language-reference/). Keep them equal to the npm packages in tests/schema/package.json, against
/// whose types the template is checked.
/// </summary>
public static class ProviderVersions
{
    public const string Aws = "7.48.0";
    public const string Awsx = "3.9.0";
    public const string DockerBuild = "0.0.22";
    /// <summary>For the final-snapshot suffix of protected databases (<see cref="DatabaseResources"/>).</summary>
    public const string Random = "4.21.2";
}
