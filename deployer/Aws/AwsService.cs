namespace Deployments.Deployer.Aws;

/// <summary>
/// One AWS JSON 1.1 service as the client calls it (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html): the SigV4 signing name, the
/// <c>X-Amz-Target</c> prefix, the region and the endpoint.
/// </summary>
public sealed record AwsService(string DisplayName, string SigningName, string TargetPrefix, string Region, Uri Endpoint)
{
    public static AwsService Ecs(string region, Uri endpoint) => new("ECS", "ecs", "AmazonEC2ContainerServiceV20141113", region, endpoint);

    /// <summary>ECR over JSON 1.1: signing name <c>ecr</c>, target prefix <c>AmazonEC2ContainerRegistry_V20150921</c> (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/Welcome.html).</summary>
    public static AwsService Ecr(string region, Uri endpoint) => new("ECR", "ecr", "AmazonEC2ContainerRegistry_V20150921", region, endpoint);

    /// <summary>Application Auto Scaling over JSON 1.1: signing name <c>application-autoscaling</c>, target prefix <c>AnyScaleFrontendService</c>
    /// (botocore's application-autoscaling 2016-02-06 model; https://docs.aws.amazon.com/autoscaling/application/APIReference/Welcome.html).</summary>
    public static AwsService ApplicationAutoScaling(string region, Uri endpoint) =>
        new("Application Auto Scaling", "application-autoscaling", "AnyScaleFrontendService", region, endpoint);

    public static AwsService Logs(string region, Uri endpoint) => new("CloudWatch Logs", "logs", "Logs_20140328", region, endpoint);
}
