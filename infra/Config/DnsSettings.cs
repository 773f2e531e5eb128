namespace Deployments.Infra.Config;

/// <summary>Route 53 records: the environment's host and, for the environment hosting previews, <c>*.PreviewDomain</c>.</summary>
public sealed record DnsSettings(string HostedZoneId, string? Host, string? PreviewDomain);
