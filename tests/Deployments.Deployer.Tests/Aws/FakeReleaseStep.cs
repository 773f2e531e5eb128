namespace Deployments.Deployer.Tests.Aws;

/// <summary>One answer of the fake's DescribeServiceDeployments: the stage, the status and the traffic weights of the new revision.</summary>
public sealed record FakeReleaseStep(string Stage, string Status, double Production, double Test, string? Reason = null);
