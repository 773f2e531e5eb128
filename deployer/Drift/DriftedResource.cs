namespace Deployments.Deployer.Drift;

/// <summary>A resource whose cloud state no longer matches Pulumi's: its logical name, type, and (when changed) the properties that differ.</summary>
public sealed record DriftedResource(string Name, string Type, IReadOnlyList<PropertyDrift> Properties);
