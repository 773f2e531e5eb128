using Deployments.Deployer.GitHub;
using Deployments.Deployer.Review;

namespace Deployments.Deployer.Tests.Review;

public class ReviewRendererTests
{
    private static EnvironmentReview Many(int count) => new("staging",
        [
            new ResourceChange("replace", "database", "aws:rds:Instance", ["identifier"], ["identifier"], "REPLACES (deletes and recreates) a database: its data, address or history is lost"),
            .. Enumerable.Range(0, count).Select(i => new ResourceChange("update", $"resource-{i:D5}", "aws:ecs:TaskDefinition",
                Enumerable.Range(0, 20).Select(p => $"containerDefinitions[{p}].environment").ToList(), [], null)),
        ],
        new CostDelta(100m, 110m, "USD", null));

    [Test]
    public void A_long_review_is_folded_and_cut_within_the_comment_limit_and_keeps_the_callout()
    {
        // Act
        var markdown = ReviewRenderer.Markdown(Many(2000), "merge note", PreviewComment.MaxBody - 200);

        // Assert
        markdown.Length.ShouldBeLessThanOrEqualTo(PreviewComment.MaxBody - 200);
        markdown.ShouldStartWith("### Infrastructure review: staging\n\n> [!CAUTION]");
        markdown.ShouldContain("<details><summary>Resources that change</summary>");
        markdown.ShouldEndWith("</details>\n");
        markdown.ShouldContain("more resources are left out to stay within GitHub's comment size limit: the run's step summary lists them all.");
        markdown.ShouldContain("estimated monthly cost 100.00 → 110.00 USD (+10.00)");
    }

    [Test]
    public void Without_a_budget_every_resource_is_listed()
    {
        var markdown = ReviewRenderer.Markdown(Many(2000), "merge note", null);

        markdown.ShouldContain("resource\\-01999");
        markdown.ShouldNotContain("left out");
    }

    [Test]
    public void Names_and_paths_from_the_program_are_escaped()
    {
        var review = new EnvironmentReview("staging", [new ResourceChange("update", "<img src=x>@team|x", "aws:s3:Bucket", ["tags.[x](http://e)"], [], null)], new CostDelta(null, null, null, null));

        var markdown = ReviewRenderer.Markdown(review, "", null);

        markdown.ShouldContain("&lt;img src=x&gt;@\u200Bteam\\|x");
        markdown.ShouldContain("tags\\.\\[x\\]\\(http\\://e\\)");
    }
}
