namespace Deployments.Deployer.Pulumi;

/// <summary>A stack as listed by the backend.</summary>
public sealed record StackSummary(string Name, DateTimeOffset? LastUpdate, int? ResourceCount);
