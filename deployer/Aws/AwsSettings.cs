using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Aws;

/// <summary>
/// Region, endpoints and credentials from the environment, by the AWS SDK conventions: <c>AWS_REGION</c> /
/// <c>AWS_DEFAULT_REGION</c> (else the stack's region), endpoint overrides <c>AWS_ENDPOINT_URL_ECS</c>,
/// <c>AWS_ENDPOINT_URL_CLOUDWATCH_LOGS</c>, <c>AWS_ENDPOINT_URL_ECR</c>, <c>AWS_ENDPOINT_URL</c>; credentials from the environment's keys, or
/// else AWSSDK.Core's default chain (profile/SSO, web identity — GitHub OIDC —, container role, IMDS).
/// </summary>
public sealed record AwsSettings(AwsService Ecs, AwsService Logs, AwsService Ecr, AWSCredentials Credentials)
{
    /// <summary>Application Auto Scaling (<c>preview wake</c>): endpoint <c>application-autoscaling.&lt;region&gt;.amazonaws.com</c>,
    /// or <c>AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING</c> (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).</summary>
    public required AwsService ApplicationAutoScaling { get; init; }

    public static AwsSettings Resolve(IReadOnlyDictionary<string, string> environment, string? stackRegion)
    {
        string? Get(string name) => environment.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        var region = Get("AWS_REGION") ?? Get("AWS_DEFAULT_REGION") ?? stackRegion
            ?? throw new UserInputException("no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION)");
        Uri Endpoint(string service, string specific)
        {
            var text = Get(specific) ?? Get("AWS_ENDPOINT_URL") ?? $"https://{service}.{region}.amazonaws.com";
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new UserInputException($"{(Get(specific) is null ? "AWS_ENDPOINT_URL" : specific)}: the value is not an http(s) URL (not shown: it may hold credentials)");
        }
        return new AwsSettings(
            AwsService.Ecs(region, Endpoint("ecs", "AWS_ENDPOINT_URL_ECS")),
            AwsService.Logs(region, Endpoint("logs", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS")),
            // ECR's API endpoint is api.ecr.<region>.amazonaws.com (https://docs.aws.amazon.com/general/latest/gr/ecr.html).
            AwsService.Ecr(region, Endpoint("api.ecr", "AWS_ENDPOINT_URL_ECR")),
            ResolveCredentials(Get))
        {
            ApplicationAutoScaling = AwsService.ApplicationAutoScaling(region, Endpoint("application-autoscaling", "AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING")),
        };
    }

    private static AWSCredentials ResolveCredentials(Func<string, string?> get)
    {
        if (get("AWS_ACCESS_KEY_ID") is { } key && get("AWS_SECRET_ACCESS_KEY") is { } secret)
            return get("AWS_SESSION_TOKEN") is { } token ? new SessionAWSCredentials(key, secret, token) : new BasicAWSCredentials(key, secret);
        AwsRuntimeDependencies.Register();
        try { return DefaultAWSCredentialsIdentityResolver.GetCredentials(); }
        catch (AmazonClientException e)
        {
            throw new UserInputException($"no AWS credentials: {e.Message} Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or use OIDC (aws-actions/configure-aws-credentials)");
        }
    }
}
