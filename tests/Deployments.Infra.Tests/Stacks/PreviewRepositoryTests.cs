using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Stacks;

/// <summary>
/// Pull requests' images live in a registry of their own: the preview CI role (which runs a pull request's code) can
/// push there and nowhere an environment pulls from, so no pull request can overwrite a tag the environment runs.
/// </summary>
public class PreviewRepositoryTests
{
    [Test]
    public void An_environment_that_hosts_previews_has_a_separate_expiring_preview_repository()
    {
        // Act
        var template = StackFixtures.Staging();

        // Assert
        template.ResourceCountIs("aws:ecr:Repository", 2);
        template.HasResourceProperties("aws:ecr:Repository", new
        {
            name = "shop-staging-preview",
            imageTagMutability = "MUTABLE",
            imageScanningConfiguration = new { scanOnPush = true },
            forceDelete = true,
        });
        template.Resource("preview-repository-lifecycle")["properties"]!["policy"]!.ToJsonString()
            .ShouldContain("\"countType\":\"sinceImagePushed\"");
        template.Output("previewRepositoryUrl")!.GetValue<string>().ShouldBe("${preview-repository.repositoryUrl}");
        template.Output("previewRepositoryArn")!.GetValue<string>().ShouldBe("${preview-repository.arn}");
    }

    [Test]
    public void An_environment_without_previews_has_only_its_own_repository()
    {
        // Act: the shipped production stack sets ci.previews: false
        var template = StackFixtures.Production();

        // Assert
        template.ResourceCountIs("aws:ecr:Repository", 1);
        Should.Throw<AssertionException>(() => template.Output("previewRepositoryUrl"));
    }

    [Test]
    public void The_preview_role_pushes_and_previews_pull_only_from_the_preview_repository()
    {
        // Arrange
        var staging = StackFixtures.Staging();
        string Resources(string policy, string sid) => staging.Resource(policy)["properties"]!["policy"]!["fn::toJSON"]!["Statement"]!.AsArray()
            .Single(s => s!["Sid"]!.GetValue<string>() == sid)!["Resource"]!.ToJsonString();

        // Assert
        Resources("ci-preview-role-policy", "PushPreviewImages").ShouldBe("[\"arn:${partition}:ecr:eu-west-1:${account}:repository/shop-staging-preview\"]");
        Resources("preview-boundary", "EcrPull").ShouldBe("[\"arn:${partition}:ecr:eu-west-1:${account}:repository/shop-staging-preview\"]");
        var pull = StackFixtures.Preview().Resource("execution-role-policy")["properties"]!["policy"]!["fn::toJSON"]!["Statement"]!.AsArray()
            .Single(s => s!["Sid"]!.GetValue<string>() == "EcrPull")!["Resource"]!.AsArray().Single()!.GetValue<string>();
        pull.ShouldBe("${parent.outputs[\"previewRepositoryArn\"]}");
    }
}
