namespace Deployments.Deployer.Init;

/// <summary>One file init writes: its path relative to the repository (with '/'), and its whole content.</summary>
public sealed record ScaffoldFile(string Path, string Content);
