using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Infra.Tests.TestSupport;

/// <summary>Compiles the stacks we ship (from the repository's Pulumi.&lt;stack&gt;.yaml) and a representative preview.</summary>
public static class StackFixtures
{
    public static readonly string[] PreviewConfig =
    [
        "aws:region=eu-west-1",
        "kind=preview",
        "appName=shop",
        "branch=feature/Login_Page",
        "imageTag=3f9a2c1",
        "migrationCommand=[\"alembic\",\"upgrade\",\"head\"]",
        "parentStack=organization/deployments/staging",
        "rulePriority=1234",
        "containerPort=8000",
        "healthCheckPath=/healthz",
        "databaseStrategy=sidecar",
        "env={\"APP_ENV\":\"preview\"}",
        "secrets={\"SECRET_KEY\":\"arn:aws:ssm:eu-west-1:123456789012:parameter/shop/preview/secret-key\"}",
    ];

    public static ConfigSource FromStackFile(string stack, params string[] overrides)
    {
        var source = new ConfigSource();
        StackFileLoader.LoadInto(source, RepoRoot.File($"Pulumi.{stack}.yaml"), PulumiProject.DefaultName);
        Apply(source, overrides);
        return source;
    }

    public static ConfigSource FromAssignments(IEnumerable<string> assignments)
    {
        var source = new ConfigSource();
        Apply(source, assignments);
        return source;
    }

    /// <summary><c>key=value</c> sets a value; <c>!key</c> removes one (to test defaults and absent settings).</summary>
    private static void Apply(ConfigSource source, IEnumerable<string> assignments)
    {
        foreach (var assignment in assignments)
        {
            if (assignment.StartsWith('!')) source.Remove(ConfigKeys.Qualify(assignment[1..], PulumiProject.DefaultName));
            else source.ApplyOverrides([assignment], PulumiProject.DefaultName);
        }
    }

    public static string CompileJson(string stack, ConfigSource source) =>
        TemplateSerializer.ToJson(StackCompiler.Compile(source, stack));

    public static TemplateAssert Staging(params string[] overrides) =>
        TemplateAssert.FromJson(CompileJson("staging", FromStackFile("staging", overrides)));

    public static TemplateAssert Production(params string[] overrides) =>
        TemplateAssert.FromJson(CompileJson("production", FromStackFile("production", overrides)));

    public static TemplateAssert Preview(params string[] overrides) =>
        TemplateAssert.FromJson(CompileJson("preview-feature-login", FromAssignments([.. PreviewConfig, .. overrides])));
}
