namespace Deployments.Deployer.Review;

/// <summary>
/// One resource a review found changing: the op (<c>create</c>, <c>update</c>, <c>replace</c>, <c>delete</c>), its
/// logical name and short type, the property paths that change (values are never shown: one may be a secret Pulumi
/// was not told about), those that force the replacement, and — when it loses data or is protected — why a reviewer
/// must look (<see cref="Hazard"/>, the deployer's own words: Markdown as it is).
/// </summary>
public sealed record ResourceChange(string Op, string Name, string Type, IReadOnlyList<string> Properties, IReadOnlyList<string> ReplaceReasons, string? Hazard);
