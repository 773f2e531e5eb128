using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

public class NamesTests
{
    [Test]
    public void Preview_names_are_exact()
    {
        var names = PreviewNames.For("shop", "feature/login");

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
            DatabaseSubnetGroupName: "shop-pv-feature-login-df7c7aeb-db",
            ExecutionRoleName: "shop-pv-feature-login-df7c7aeb-execution",
            TasksSecurityGroupName: "shop-pv-feature-login-df7c7aeb-tasks"));
    }

    [Test]
    public void A_name_over_its_limit_keeps_the_prefix_and_ends_with_the_branch_hash()
    {
        var names = PreviewNames.For("checkout-service", "feature/payments-rework");

        names.TargetGroupName.ShouldBe("checkout-service-pv-fea-29e6150d");
        names.TargetGroupName.Length.ShouldBe(32);
        names.ExecutionRoleName.ShouldBe("checkout-service-pv-feature-payments-rework-29e6150d-execution");
    }

    [Test]
    public void A_branch_named_like_an_environment_gets_preview_names()
    {
        var preview = PreviewNames.For("shop", "staging");
        var environment = EnvironmentNames.For("shop", "staging");

        preview.ServiceName.ShouldBe("shop-pv-staging");
        preview.ServiceName.ShouldNotBe(environment.ServiceName);
        preview.TargetGroupName.ShouldNotBe(environment.TargetGroupName);
        preview.DatabaseIdentifier.ShouldNotBe(environment.DatabaseIdentifier);
    }

    [Test]
    public void Environment_names_fit_with_the_longest_valid_inputs()
    {
        var names = EnvironmentNames.For("abcdefghijklmnop", "qrstuvwxyzabcde");

        names.LoadBalancerName.Length.ShouldBeLessThanOrEqualTo(NameLimits.LoadBalancer);
        names.TargetGroupName.Length.ShouldBeLessThanOrEqualTo(NameLimits.TargetGroup);
        foreach (var role in new[] { names.ExecutionRoleName, names.TaskRoleName, names.PreviewTaskRoleName })
            role.Length.ShouldBeLessThanOrEqualTo(NameLimits.IamRole);
        names.DatabaseIdentifier.Length.ShouldBeLessThanOrEqualTo(NameLimits.DbInstance);
    }

    [Test]
    public void Environment_names_are_exact()
    {
        var names = EnvironmentNames.For("shop", "staging");

        names.ClusterName.ShouldBe("shop-staging");
        names.MigrationTaskFamily.ShouldBe("shop-staging-migrate");
        names.LogGroupName.ShouldBe("/deployments/shop/staging");
        names.ExecutionRoleName.ShouldBe("shop-staging-execution");
        names.PreviewLogGroupPrefix.ShouldBe("/deployments/shop/preview/");
    }

    [Test]
    public void Invalid_environment_is_refused() =>
        Should.Throw<ArgumentException>(() => EnvironmentNames.For("shop", "pv-x")).Message.ShouldContain("belong to preview stacks");
}
