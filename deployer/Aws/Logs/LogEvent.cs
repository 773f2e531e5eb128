namespace Deployments.Deployer.Aws.Logs;

/// <summary>One log line; timestamps are epoch milliseconds in CloudWatch Logs (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html).</summary>
public sealed record LogEvent(long Timestamp, string Message);
