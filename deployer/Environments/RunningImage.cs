namespace Deployments.Deployer.Environments;

/// <summary>
/// The image an environment's service runs, split against its repository: <c>&lt;repositoryUrl&gt;:&lt;tag&gt;</c> or
/// <c>&lt;repositoryUrl&gt;@sha256:&lt;digest&gt;</c> (the two forms ECS takes, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_image).
/// </summary>
public sealed record RunningImage(string Image, string? Tag, string? Digest)
{
    /// <summary>Null when the image is not in <paramref name="repositoryUrl"/>.</summary>
    public static RunningImage? Parse(string image, string repositoryUrl)
    {
        if (image.StartsWith(repositoryUrl + "@", StringComparison.Ordinal)) return new(image, null, image[(repositoryUrl.Length + 1)..]);
        return RevisionImage.TagOf(image, repositoryUrl) is string tag ? new(image, tag, null) : null;
    }
}
