using System.Text.RegularExpressions;
using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

public class CiNamesTests
{
    [Test]
    public void Names_are_exact()
    {
        CiNames.For("shop", "staging").ShouldBe(new CiNames(
            DeployRoleName: "shop-staging-ci-deploy", PreviewRoleName: "shop-staging-ci-preview", PreviewRolePolicyName: "shop-staging-ci-preview",
            DeployRolePolicyName: "shop-staging-ci-deploy", PreviewBoundaryPolicyName: "shop-staging-preview-boundary",
            ReviewRoleName: "shop-staging-ci-review", DriftRoleName: "shop-staging-ci-drift"));
    }

    [TestCase("a", "b")]
    [TestCase("abcdefghijklmnop", "abcdefghijklmno")]
    public void Every_name_is_an_iam_name_within_64_characters_and_outside_the_preview_names(string app, string environment)
    {
        // IAM role and policy names: 1-64 of [\w+=,.@-] (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html).
        var names = CiNames.For(app, environment);

        foreach (var name in new[] { names.DeployRoleName, names.PreviewRoleName, names.PreviewRolePolicyName, names.DeployRolePolicyName, names.PreviewBoundaryPolicyName, names.ReviewRoleName, names.DriftRoleName })
        {
            name.Length.ShouldBeLessThanOrEqualTo(NameLimits.IamRole, name);
            Regex.IsMatch(name, @"\A[\w+=,.@-]+\z").ShouldBeTrue(name);
            name.ShouldNotStartWith(PreviewNames.AwsNamePrefix(app));
        }
    }

    [Test]
    public void An_invalid_environment_name_is_refused() =>
        Should.Throw<ArgumentException>(() => CiNames.For("shop", "pv-x")).Message.ShouldContain("environment name");
}
