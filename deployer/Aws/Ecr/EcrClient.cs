using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deployments.Deployer.Aws.Ecr;

/// <summary>
/// The ECR operations promotion uses, over <see cref="AwsJsonClient"/>: read an image's manifest and digest, and put
/// that manifest into another repository under a tag — a copy with no docker and no layer transfer within one registry
/// (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_BatchGetImage.html,
/// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutImage.html).
/// </summary>
public sealed class EcrClient(AwsJsonClient client)
{
    // The manifest types a registry may hold; without them ECR converts to the Docker v2 schema 2 default.
    private static readonly string[] MediaTypes =
    [
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
    ];

    /// <summary>The image <paramref name="reference"/> (a tag, or a <c>sha256:</c> digest) names in a repository, or null when it has none.</summary>
    public async Task<EcrImage?> GetImageAsync(string repositoryName, string reference, CancellationToken ct)
    {
        var id = reference.StartsWith("sha256:", StringComparison.Ordinal) ? new JsonObject { ["imageDigest"] = reference } : new JsonObject { ["imageTag"] = reference };
        var response = await client.CallAsync("BatchGetImage", new JsonObject
        {
            ["repositoryName"] = repositoryName,
            ["imageIds"] = new JsonArray(id),
            ["acceptedMediaTypes"] = new JsonArray(MediaTypes.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
        }, ct);
        if (!response.TryGetProperty("images", out var images) || images.GetArrayLength() == 0) return null;
        var image = images[0];
        return new EcrImage(image.GetProperty("imageId").GetProperty("imageDigest").GetString() ?? "", image.GetProperty("imageManifest").GetString() ?? "",
            image.TryGetProperty("imageManifestMediaType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null);
    }

    /// <summary>Tags the manifest in <paramref name="repositoryName"/>; the same digest under that tag already there is fine.</summary>
    public async Task PutImageAsync(string repositoryName, EcrImage image, string tag, CancellationToken ct)
    {
        var request = new JsonObject { ["repositoryName"] = repositoryName, ["imageManifest"] = image.Manifest, ["imageTag"] = tag, ["imageDigest"] = image.Digest };
        if (image.ManifestMediaType is not null) request["imageManifestMediaType"] = image.ManifestMediaType;
        try { await client.CallAsync("PutImage", request, ct); }
        catch (AwsException e) when (e.Code == "ImageAlreadyExistsException") { }
    }
}
