using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

public class PreviewNamesTests
{
    private const string Long250 = BranchSlugTests.Long250;

    [Test]
    public void Names_of_a_short_branch_are_exact()
    {
        // Arrange / Act
        var names = PreviewNames.For("shop", "feature/login");

        // Assert
        names.ShouldBe(new PreviewNames(
            Branch: "feature/login",
            Slug: "feature-login-df7c7aeb",
            StackName: "preview-feature-login-df7c7aeb",
            HostLabel: "feature-login-df7c7aeb",
            TargetGroupName: "shop-pv-feature-login-df7c7aeb",
            ServiceName: "shop-pv-feature-login-df7c7aeb",
            TaskFamily: "shop-pv-feature-login-df7c7aeb",
            MigrationTaskFamily: "shop-pv-feature-login-df7c7aeb-migrate",
            LogGroupName: "/deployments/shop/preview/feature-login-df7c7aeb",
            DatabaseIdentifier: "shop-pv-feature-login-df7c7aeb",
            DatabaseSecurityGroupName: "shop-pv-feature-login-df7c7aeb-db",
            DatabaseSubnetGroupName: "shop-pv-feature-login-df7c7aeb-db")
        {
            ExecutionRoleName = "shop-pv-feature-login-df7c7aeb-execution",
            TasksSecurityGroupName = "shop-pv-feature-login-df7c7aeb-tasks",
        });
        PreviewNames.StackNameFor("feature/login").ShouldBe(names.StackName);
    }

    // Only names over their limit are fitted; each fitted one keeps its prefix and suffix and ends with the
    // branch's hash (5f46d83a for the 250-character branch, 29e6150d for feature/payments-rework).
    [TestCase("shop", Long250, "TargetGroupName", "shop-pv-feature-very-lo-5f46d83a")]
    [TestCase("shop", Long250, "ExecutionRoleName", "shop-pv-feature-very-long-branch-name-v-5f46d83a-execution")]
    [TestCase("shop", Long250, "StackName", "preview-feature-very-long-branch-name-v-5f46d83a")]
    [TestCase("shop", Long250, "LogGroupName", "/deployments/shop/preview/feature-very-long-branch-name-v-5f46d83a")]
    [TestCase("abcdefghijklmnop", Long250, "TargetGroupName", "abcdefghijklmnop-pv-fea-5f46d83a")]
    [TestCase("abcdefghijklmnop", Long250, "ExecutionRoleName", "abcdefghijklmnop-pv-feature-very-long-branch-5f46d83a-execution")]
    [TestCase("abcdefghijklmnop", Long250, "DatabaseIdentifier", "abcdefghijklmnop-pv-feature-very-long-branch-name-v-5f46d83a")]
    [TestCase("abcdefghijklmnop", "feature/payments-rework", "TargetGroupName", "abcdefghijklmnop-pv-fea-29e6150d")]
    [TestCase("abcdefghijklmnop", "feature/payments-rework", "MigrationTaskFamily", "abcdefghijklmnop-pv-feature-payments-rework-29e6150d-migrate")]
    public void Names_over_their_limit_are_fitted_exactly(string app, string branch, string kind, string expected)
    {
        // Arrange / Act
        var names = NameShapes.Of(PreviewNames.For(app, branch));

        // Assert
        names.Single(n => n.Kind == kind).Name.ShouldBe(expected);
    }

    [Test]
    public void Preview_log_groups_live_under_the_environments_preview_prefix()
    {
        // Arrange / Act
        var preview = PreviewNames.For("shop", "日本語");

        // Assert
        preview.LogGroupName.ShouldStartWith(EnvironmentNames.For("shop", "staging").PreviewLogGroupPrefix);
        PreviewNames.IsPreviewStack(preview.StackName).ShouldBeTrue();
        PreviewNames.IsPreviewStack("staging").ShouldBeFalse();
    }

    [Test]
    public void An_invalid_app_name_is_refused() =>
        Should.Throw<ArgumentException>(() => PreviewNames.For("Shop", "main")).Message.ShouldStartWith("app name must be 1-16 characters");
}
