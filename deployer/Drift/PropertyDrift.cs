namespace Deployments.Deployer.Drift;

/// <summary>
/// One property path that differs: its value in Pulumi's state and in the cloud now, each already made safe to show by
/// <see cref="DriftValue"/> (null: absent on that side); <see cref="Kind"/> is <c>add</c>, <c>delete</c> or <c>update</c>
/// as read from the state towards the cloud.
/// </summary>
public sealed record PropertyDrift(string Path, string Kind, string? Old, string? New);
