namespace Deployments.Infra.Config;

/// <summary>
/// The CI identities an environment stack creates (config key <c>ci</c>): GitHub's OIDC provider (or an existing
/// one), the environment's deploy role and, unless <see cref="Previews"/> is off, the role its previews run with.
/// </summary>
public sealed record CiSettings
{
    /// <summary><c>OWNER/REPO</c> exactly as GitHub spells it: IAM compares the token's <c>sub</c> case-sensitively.</summary>
    public required string Repository { get; init; }

    /// <summary>An existing <c>token.actions.githubusercontent.com</c> provider; null creates one (one per URL per account).</summary>
    public string? OidcProviderArn { get; init; }

    /// <summary>The S3 bucket of a DIY backend: the roles get their stacks' state objects in it; null for other backends.</summary>
    public string? StateBucket { get; init; }

    /// <summary>Whether this environment hosts previews (and so gets a preview role).</summary>
    public required bool Previews { get; init; }

    /// <summary>The branch whose scheduled runs (the preview sweeper) may also assume the preview role.</summary>
    public required string DefaultBranch { get; init; }
}
