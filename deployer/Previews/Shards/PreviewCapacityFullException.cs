using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Previews.Shards;

/// <summary>Every preview load balancer of the parent is full: refused before anything was created.</summary>
public sealed class PreviewCapacityFullException(string message) : DeployerException(message)
{
    public override int ExitCode => ExitCodes.PreviewCapacityFull;
}
