using Deployments.Deployer.Aws.Ecr;
using Deployments.Deployer.Aws.Ecs;
using Deployments.Deployer.Aws.Logs;
using Deployments.Deployer.Aws.Scaling;

namespace Deployments.Deployer.Aws;

/// <summary>The ECS, ECR, CloudWatch Logs and Application Auto Scaling clients of one run, over one HttpClient that never follows redirects.</summary>
public sealed class AwsClients(AwsSettings settings, IClock clock) : IDisposable
{
    // No automatic redirects: a signed request must not be replayed elsewhere (SigV4SigningHandler's own advice).
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public EcsClient Ecs => new(new AwsJsonClient(_http, settings.Ecs, settings.Credentials, clock, Random.Shared));

    public EcrClient Ecr => new(new AwsJsonClient(_http, settings.Ecr, settings.Credentials, clock, Random.Shared));

    public ScalingClient Scaling => new(new AwsJsonClient(_http, settings.ApplicationAutoScaling, settings.Credentials, clock, Random.Shared));

    public LogsClient Logs => new(new AwsJsonClient(_http, settings.Logs, settings.Credentials, clock, Random.Shared));

    public void Dispose() => _http.Dispose();
}
