using Deployments.Deployer.Aws;
using Deployments.Deployer.Aws.Ecs;
using Deployments.Deployer.Errors;
using Deployments.Infra.Config;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Environments;

/// <summary>
/// <c>rollback --revision N</c>: the image tag a task-definition revision of the environment's app family runs (the
/// revision number operators see in the ECS console), read with DescribeTaskDefinition of <c>family:N</c>. Only an image
/// <c>&lt;repositoryUrl&gt;:&lt;tag&gt;</c> of this environment's repository is accepted, so the rollback goes through the
/// normal path (config <c>imageTag</c>) and Pulumi's state stays the truth.
/// </summary>
public static class RevisionImage
{
    public static async Task<string> TagAsync(EcsClient ecs, string family, int revision, string repositoryUrl, CancellationToken ct)
    {
        EcsTaskDefinition definition;
        try { definition = await ecs.DescribeTaskDefinitionAsync($"{family}:{revision}", ct); }
        catch (AwsException e) when (e.Code is "ClientException" or "InvalidParameterException")
        {
            throw new UserInputException($"--revision: task definition {family}:{revision} was not found ({e.Code}); the revisions are listed in the ECS console under task definition '{family}'");
        }
        var image = definition.Containers.FirstOrDefault(c => c.Name == AppContainers.ContainerName)?.Image
            ?? throw new UserInputException($"--revision: task definition {family}:{revision} has no container '{AppContainers.ContainerName}'");
        return TagOf(image, repositoryUrl)
            ?? throw new UserInputException($"--revision: task definition {family}:{revision} runs {ConfigReader.Shown(image)}, not an image '{repositoryUrl}:<tag>' of this environment's repository; pass --image-tag to choose a tag");
    }

    /// <summary>The tag of <c>repositoryUrl:tag</c>, or null for any other image (another repository, a digest, a bad tag).</summary>
    public static string? TagOf(string image, string repositoryUrl) =>
        image.StartsWith(repositoryUrl + ":", StringComparison.Ordinal) && image[(repositoryUrl.Length + 1)..] is var tag && ConfigPatterns.ImageTag().IsMatch(tag)
            ? tag
            : null;
}
