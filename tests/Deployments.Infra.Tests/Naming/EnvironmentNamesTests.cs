using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

public class EnvironmentNamesTests
{
    [Test]
    public void Names_are_exact()
    {
        // Arrange / Act
        var names = EnvironmentNames.For("shop", "staging");

        // Assert
        names.ShouldBe(new EnvironmentNames(
            Environment: "staging", ClusterName: "shop-staging", LoadBalancerName: "shop-staging", TargetGroupName: "shop-staging",
            ServiceName: "shop-staging", TaskFamily: "shop-staging", MigrationTaskFamily: "shop-staging-migrate",
            LogGroupName: "/deployments/shop/staging", RepositoryName: "shop-staging",
            ExecutionRoleName: "shop-staging-execution", TaskRoleName: "shop-staging-task",
            PreviewExecutionRoleName: "shop-staging-preview-execution", PreviewTaskRoleName: "shop-staging-preview-task",
            AlbSecurityGroupName: "shop-staging-alb", ServiceSecurityGroupName: "shop-staging-service",
            PreviewSecurityGroupName: "shop-staging-preview", DatabaseIdentifier: "shop-staging",
            DatabaseSecurityGroupName: "shop-staging-db", DatabaseSubnetGroupName: "shop-staging-db",
            PreviewLogGroupPrefix: "/deployments/shop/preview/"));
    }

    [TestCase("a", "b")]
    [TestCase("abcdefghijklmnop", "abcdefghijklmno")]
    [TestCase("a-b-c-d-e-f-g-h9", "z-y-x-w-v-u-t-s")]
    public void Every_name_fits_its_rule_even_with_the_longest_valid_inputs(string app, string environment)
    {
        // Arrange
        var registry = new NameRegistry();

        // Act
        registry.ClaimAll(NameShapes.Of(EnvironmentNames.For(app, environment)), $"environment '{environment}'");

        // Assert
        registry.Failures.ShouldBeEmpty();
    }

    [Test]
    public void Environments_and_previews_of_one_app_never_share_a_name()
    {
        // Arrange: environments and branches chosen to look like each other's names.
        string[] environments = ["staging", "production", "x", "x-db", "pvx", "previews", "migrate", "internal"];
        string[] branches = ["staging", "production", "x", "pv", "pv-x", "migrate", "x-migrate", "x-preview", "preview", "db", "x-db"];
        var registry = new NameRegistry();

        // Act
        foreach (var environment in environments)
            registry.ClaimAll(NameShapes.Of(EnvironmentNames.For("shop", environment)), $"environment '{environment}'");
        foreach (var branch in branches)
            registry.ClaimAll(NameShapes.Of(PreviewNames.For("shop", branch)), $"branch '{branch}'");

        // Assert
        registry.Failures.ShouldBeEmpty();
    }

    [TestCase("Shop", "staging", "app name must be 1-16 characters")]
    [TestCase("shop", "preview", "environment name must not be 'pv' or 'preview'")]
    [TestCase("shop", "abcdefghijklmnop", "environment name must be 1-15 characters")]
    public void Invalid_inputs_are_refused_with_what_is_allowed(string app, string environment, string expectedStart) =>
        Should.Throw<ArgumentException>(() => EnvironmentNames.For(app, environment)).Message.ShouldStartWith(expectedStart);
}
