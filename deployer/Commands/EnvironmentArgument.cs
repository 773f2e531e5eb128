using System.CommandLine;

namespace Deployments.Deployer.Commands;

/// <summary>The environment positional argument (<c>staging</c>, <c>production</c>).</summary>
public static class EnvironmentArgument
{
    public static Argument<string> Create() => new("environment") { Description = "Environment stack: staging or production" };
}
