using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// The environment's ECR repository (scan on push, lifecycle keeping the newest N images) and the app image:
/// a tag pushed by CI, or built and pushed here with docker-build when <c>build</c> is configured.
/// </summary>
public static class RegistryResources
{
    /// <summary>Returns the images for the service and for the migration task definition.</summary>
    public static (TemplateResource Repository, object LiveImage, object MigrationImage) Add(
        PulumiTemplate template, string repositoryName, EnvironmentSettings settings)
    {
        // Production tags are immutable: a tag, once pushed, always names the image that was reviewed and deployed
        // (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html). Elsewhere tags stay
        // mutable, because the pipelines move `latest` on the default branch for staging. An unprotected environment
        // can be torn down with its images; a protected one cannot.
        var repository = AddRepository(template, LogicalNames.Repository, repositoryName, immutable: settings.Production,
            forceDelete: !settings.Protect, new ResourceOptions { Protect = settings.Protect });
        AddLifecycle(template, LogicalNames.RepositoryLifecycle, repository, $"Keep the newest {settings.EcrKeepImages} images", new Props
        {
            ["tagStatus"] = "any",
            ["countType"] = "imageCountMoreThan",
            ["countNumber"] = settings.EcrKeepImages,
        });

        var url = repository.Out("repositoryUrl");
        if (settings.Build is null)
        {
            return (repository, Expr.Interpolate(url, ":" + settings.App.ImageTag),
                Expr.Interpolate(url, ":" + settings.App.MigrationImageTag));
        }

        var image = AddBuild(template, repository, settings.Build, movingTags: !settings.Production);
        return (repository, image.Out("ref"), image.Out("ref"));
    }

    /// <summary>Images of pull requests live this long after their push; a preview older than that is swept anyway.</summary>
    public const int PreviewImageDays = 30;

    /// <summary>
    /// The registry previews' images are pushed to: separate from the environment's, so the preview CI role (which runs
    /// a pull request's code) can push here and nowhere an environment pulls from. Tags stay mutable (a pull request
    /// re-pushes its short sha); images expire <see cref="PreviewImageDays"/> days after their push.
    /// </summary>
    public static TemplateResource AddPreviewRepository(PulumiTemplate template, string repositoryName)
    {
        // Pull requests' images are disposable: the environment can be torn down with them.
        var repository = AddRepository(template, LogicalNames.PreviewRepository, repositoryName, immutable: false, forceDelete: true, options: null);
        // https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html (sinceImagePushed)
        AddLifecycle(template, LogicalNames.PreviewRepositoryLifecycle, repository, $"Expire pull requests' images {PreviewImageDays} days after their push", new Props
        {
            ["tagStatus"] = "any",
            ["countType"] = "sinceImagePushed",
            ["countUnit"] = "days",
            ["countNumber"] = PreviewImageDays,
        });
        return repository;
    }

    private static TemplateResource AddRepository(PulumiTemplate template, string logicalName, string name, bool immutable, bool forceDelete,
        ResourceOptions? options) =>
        template.Add(new TemplateResource(logicalName, "aws:ecr:Repository", new Props
        {
            ["name"] = name,
            ["imageScanningConfiguration"] = new Props { ["scanOnPush"] = true },
            ["imageTagMutability"] = immutable ? "IMMUTABLE" : "MUTABLE",
            ["encryptionConfigurations"] = new[] { new Props { ["encryptionType"] = "AES256" } },
            ["forceDelete"] = forceDelete,
        }, options));

    /// <summary>One expiry rule (https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html).</summary>
    private static void AddLifecycle(PulumiTemplate template, string logicalName, TemplateResource repository, string description, Props selection) =>
        template.Add(new TemplateResource(logicalName, "aws:ecr:LifecyclePolicy", new Props
        {
            ["repository"] = repository.Out("name"),
            ["policy"] = Fn.ToJson(new Props
            {
                ["rules"] = new[]
                {
                    new Props
                    {
                        ["rulePriority"] = 1,
                        ["description"] = description,
                        ["selection"] = selection,
                        ["action"] = new Props { ["type"] = "expire" },
                    },
                },
            }),
        }));

    /// <summary>Without <paramref name="movingTags"/> (an immutable repository) <c>latest</c> is not pushed: a second push would fail.</summary>
    private static TemplateResource AddBuild(PulumiTemplate template, TemplateResource repository, ImageBuildSettings build, bool movingTags)
    {
        template.AddVariable(LogicalNames.RegistryAuth, Fn.Invoke("aws:ecr:getAuthorizationToken",
            new Props { ["registryId"] = repository.Out("registryId") }));
        var url = repository.Out("repositoryUrl");
        var props = new Props
        {
            ["push"] = true,
            ["tags"] = build.Tags.Where(tag => movingTags || tag != PostureKeys.LatestTag).Select(tag => (object)Expr.Interpolate(url, ":" + tag)).ToList(),
            ["context"] = new Props { ["location"] = build.Context },
        };
        if (build.Dockerfile is not null) props["dockerfile"] = new Props { ["location"] = build.Dockerfile };
        props["platforms"] = new[] { "linux/amd64" };
        props["registries"] = new[]
        {
            new Props
            {
                ["address"] = url,
                ["username"] = Expr.Ref(LogicalNames.RegistryAuth, "userName"),
                ["password"] = Fn.Secret(Expr.Ref(LogicalNames.RegistryAuth, "password")),
            },
        };
        return template.Add(new TemplateResource(LogicalNames.Image, "docker-build:Image", props,
            new ResourceOptions { Version = ProviderVersions.DockerBuild }));
    }
}
