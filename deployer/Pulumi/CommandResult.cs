namespace Deployments.Deployer.Pulumi;

/// <summary>How one <c>pulumi</c> invocation ended.</summary>
public sealed record CommandResult(IReadOnlyList<string> Args, int ExitCode, string StdOut, string StdErr, TimeSpan Duration);
