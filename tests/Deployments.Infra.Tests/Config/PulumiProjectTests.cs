using Deployments.Infra.Config;

namespace Deployments.Infra.Tests.Config;

/// <summary>Where the project (the namespace of its config keys) comes from, and which names are refused.</summary>
public class PulumiProjectTests
{
    [TestCase("shop", "name: deployments\n", "shop")] // the host's PULUMI_PROJECT wins
    [TestCase(null, "name: shop\nruntime: yaml\n", "shop")] // offline: Pulumi.yaml's name
    [TestCase("", "name: shop\n", "shop")]
    [TestCase(null, null, "deployments")] // nothing names one (package discovery)
    public void The_project_is_the_hosts_else_the_project_files(string? host, string? file, string expected)
    {
        var project = PulumiProject.Resolve(host, file, out var problem);

        project.Name.ShouldBe(expected);
        problem.ShouldBeNull();
    }

    [TestCase("shop", "imageTag", "shop:imageTag")]
    [TestCase("shop", "aws:region", "aws:region")]
    public void Keys_are_in_the_projects_namespace(string name, string key, string expected)
    {
        PulumiProject.TryCreate(name, out var project, out _).ShouldBeTrue();

        project.Key(key).ShouldBe(expected);
    }

    [TestCase("shop app", null, "PULUMI_PROJECT", "names the project 'shop app', which is not allowed: a Pulumi project name: 1-100 of A-Z a-z 0-9 _ . -")]
    [TestCase("shop\n", null, "PULUMI_PROJECT", "not allowed")]
    [TestCase(null, "name: shop/app\n", "Pulumi.yaml", "names the project 'shop/app', which is not allowed")]
    [TestCase(null, "runtime: yaml\n", "Pulumi.yaml", "has no name")]
    public void A_bad_name_is_a_problem_naming_its_source_and_what_is_allowed(string? host, string? file, string key, string message)
    {
        var project = PulumiProject.Resolve(host, file, out var problem);

        problem.ShouldNotBeNull();
        problem.Key.ShouldBe(key);
        problem.Message.ShouldContain(message);
        project.ShouldBe(PulumiProject.Default);
    }

    [Test]
    public void A_name_longer_than_100_characters_is_refused() =>
        PulumiProject.TryCreate(new string('a', 101), out _, out var message).ShouldBeFalse(message);
}
