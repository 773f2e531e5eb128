namespace Deployments.Deployer.Aws.Logs;

/// <summary>One log line; timestamps are epoch milliseconds in CloudWatch Logs (facts/aws.md §1.2).</summary>
public sealed record LogEvent(long Timestamp, string Message);
