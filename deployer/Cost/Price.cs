namespace Deployments.Deployer.Cost;

/// <summary>One unit price with where it came from and when.</summary>
public sealed record Price(decimal Value, string Source, string Date);
