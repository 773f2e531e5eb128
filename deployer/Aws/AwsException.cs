using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Aws;

/// <summary>An AWS error response, normalised: the service and operation, the error code, its message, and what to check.</summary>
public sealed class AwsException(string service, string operation, string code, string message, int status)
    : DeployerException($"{service} {operation} failed: {code}: {message}{Hint(code)}")
{
    public string Code { get; } = code;
    public int Status { get; } = status;

    public override int ExitCode => ExitCodes.DeploymentFailed;

    private static string Hint(string code) => code switch
    {
        "AccessDeniedException" or "UnrecognizedClientException" or "InvalidSignatureException" or "ExpiredTokenException"
            => " (check the AWS credentials and that their role may call this operation)",
        "ClusterNotFoundException" => " (check the cluster in the stack's outputs and the region)",
        "ResourceNotFoundException" => " (check the log group or stream name and the region)",
        "InvalidParameterException" or "ClientException" => " (check the task definition, subnets and security group in the stack's outputs)",
        _ => "",
    };
}
