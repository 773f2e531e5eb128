using Deployments.Deployer.Errors;
using Deployments.Infra.Config;

namespace Deployments.Deployer;

/// <summary>The one check of an image tag given on the command line (ECR's tag rules, via the compiler's pattern).</summary>
public static class ImageTags
{
    public static string Validate(string tag, string option = "--image-tag") => ConfigPatterns.ImageTag().IsMatch(tag)
        ? tag
        : throw new UserInputException($"{option}: {ConfigReader.Shown(tag)} is not allowed: {ConfigPatterns.ImageTagAllowed}");
}
