namespace Deployments.Deployer.Init;

/// <summary>
/// One file init writes: its path relative to the repository (with '/') and its whole content. <see cref="OnlyAdds"/>:
/// the content is the existing file plus our part, nothing of it changed (the tool manifest), so writing it needs no <c>--force</c>.
/// </summary>
public sealed record ScaffoldFile(string Path, string Content, bool OnlyAdds = false);
