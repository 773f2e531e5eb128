using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Pulumi.Digest;

/// <summary>A preview that ended with errors but printed its digest: the errors say what failed, the digest what it saw until then.</summary>
public sealed class PreviewFailedException(string message, PreviewDigest digest) : DeployerException(message)
{
    public PreviewDigest Digest { get; } = digest;

    public override int ExitCode => ExitCodes.DeploymentFailed;
}
