namespace Deployments.Deployer.Pulumi.Models;

/// <summary>Wire shape of one entry of <c>pulumi stack history --json</c> (https://www.pulumi.com/docs/iac/cli/commands/).</summary>
internal sealed class UpdateInfoModel
{
    public int Version { get; set; }
    public string Kind { get; set; } = "";
    public string? StartTime { get; set; }
    public string? Message { get; set; }
    public Dictionary<string, string>? Environment { get; set; }
    public Dictionary<string, ConfigValueModel>? Config { get; set; }
    public string? Result { get; set; }
    public string? EndTime { get; set; }
    public Dictionary<string, int>? ResourceChanges { get; set; }
}
