namespace Deployments.Deployer.Pulumi.Models;

/// <summary>Wire shape of a config value in <c>config --json</c> and in history entries (https://www.pulumi.com/docs/iac/cli/commands/).</summary>
internal sealed class ConfigValueModel
{
    public string? Value { get; set; }
    public bool Secret { get; set; }
}
