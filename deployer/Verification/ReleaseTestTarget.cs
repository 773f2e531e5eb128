namespace Deployments.Deployer.Verification;

/// <summary>
/// Where the new tasks answer before production traffic reaches them: the environment's URL with the test header
/// (the environment stack's test listener rule). The header value is unguessable, not a password: see README "Release strategies".
/// </summary>
public sealed record ReleaseTestTarget(Uri Url, string HeaderName, string HeaderValue);
