namespace Deployments.Deployer.Pulumi.Models;

/// <summary>Wire shape of one entry of <c>pulumi stack ls --json</c> (https://www.pulumi.com/docs/iac/cli/commands/).</summary>
internal sealed class StackSummaryModel
{
    public string Name { get; set; } = "";
    public bool Current { get; set; }
    public string? LastUpdate { get; set; }
    public bool? UpdateInProgress { get; set; }
    public int? ResourceCount { get; set; }
    public string? Url { get; set; }
}
