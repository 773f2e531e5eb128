namespace Deployments.Deployer.Cost;

/// <summary>
/// One unit price with where it came from (a URL, or "not found — estimated as …") and when, plus an optional note
/// on how it was read (third-party page quoting AWS's list price, the AWS page to check, …).
/// </summary>
public sealed record Price(decimal Value, string Source, string Date, string? Note = null);
