using Deployments.Deployer.Pulumi;
using Deployments.Infra.Config;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Environments;

/// <summary>
/// The config keys an environment's release sets on the runner (<c>env deploy</c>, <c>promote</c>, <c>rollback</c>:
/// <c>config set-all</c>, then <c>up</c>) and never commits. So the checked-in <c>Pulumi.&lt;env&gt;.yaml</c> holds
/// whatever <c>imageTag</c> it was written with, and only the environment's outputs say what runs.
/// </summary>
public static class ReleaseConfig
{
    public const string ImageTag = "imageTag";
    public const string MigrationImageTag = "migrationImageTag";
    public const string ServiceHeld = "serviceHeld";

    /// <summary>What the environment runs, as these keys' values (qualified), from its outputs; none before its first deploy.</summary>
    public static IReadOnlyDictionary<string, string> Running(StackOutputs outputs, PulumiProject project)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (outputs.OptionalText(OutputNames.ImageTag) is not { } image) return values;
        values[project.Key(ImageTag)] = image;
        values[project.Key(MigrationImageTag)] = outputs.OptionalText(OutputNames.MigrationImageTag) ?? image;
        values[project.Key(ServiceHeld)] = outputs.Flag(OutputNames.ServiceHeld) ? "true" : "false";
        return values;
    }
}
